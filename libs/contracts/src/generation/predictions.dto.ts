import { z } from 'zod';
import { callbackUrlSchema } from '../notifier/callbacks.dto';
import { generationReferenceSchema } from './generation-rpc.dto';
import { MAX_PROMPT_CHARACTERS, MAX_REFERENCE_URL_CHARS } from './image-generation-request.dto';
import { uuidField } from '../rpc/scoped-ids';

/** Seed 000's statuses plus `canceled`. */
export const PREDICTION_STATUSES = ['queued', 'processing', 'completed', 'failed', 'canceled'] as const;
export type PredictionStatus = (typeof PREDICTION_STATUSES)[number];
export const FINISHED_PREDICTION_STATUSES: readonly PredictionStatus[] = ['completed', 'failed', 'canceled'];

/** `start`: the job left the queue; `completed`: it finished (completed, failed or canceled). */
export const PREDICTION_WEBHOOK_EVENTS = ['start', 'completed'] as const;
export type PredictionWebhookEvent = (typeof PREDICTION_WEBHOOK_EVENTS)[number];

/** The serialised `input` of one prediction may not exceed this many characters. */
export const MAX_PREDICTION_INPUT_CHARS = 100_000;
const MAX_MODEL_CHARS = 64;

const inputObjectSchema = z
  .record(z.string().max(100, 'input field names must be at most 100 characters'), z.unknown(), {
    error: 'input must be an object',
  })
  .refine(
    (input) => JSON.stringify(input).length <= MAX_PREDICTION_INPUT_CHARS,
    `input must be at most ${MAX_PREDICTION_INPUT_CHARS} characters of JSON`,
  );

const eventsFilterSchema = z
  .array(
    z.enum(PREDICTION_WEBHOOK_EVENTS, { error: `webhook_events_filter entries must be one of start, completed` }),
    {
      error: 'webhook_events_filter must be an array',
    },
  )
  .min(1, 'webhook_events_filter must name at least one event')
  .max(PREDICTION_WEBHOOK_EVENTS.length, 'webhook_events_filter must name each event at most once')
  .refine(
    (events) => new Set(events).size === events.length,
    'webhook_events_filter must name each event at most once',
  );

/** Seed 000 `POST /v1/predictions`: the envelope; `input` is checked by the broker against the model. */
export const createPredictionBodySchema = z.object({
  model: z
    .string({ error: 'model is required and must be a string' })
    .min(1, 'model must not be empty')
    .max(MAX_MODEL_CHARS, `model must be at most ${MAX_MODEL_CHARS} characters`),
  input: inputObjectSchema,
  webhook: callbackUrlSchema.optional(),
  webhook_events_filter: eventsFilterSchema.optional(),
});
export type CreatePredictionBody = z.infer<typeof createPredictionBodySchema>;

const referenceUrl = (field: string) =>
  z
    .string({ error: `input.${field} must be a string URL` })
    .min(1, `input.${field} must not be empty`)
    .max(MAX_REFERENCE_URL_CHARS, `input.${field} must be at most ${MAX_REFERENCE_URL_CHARS} characters`);

/** The `input` of an image model (`flux-kontext-pro`, seedream): unknown fields are dropped. */
export const imagePredictionInputSchema = z.object({
  prompt: z
    .string({ error: 'input.prompt is required and must be a string' })
    .min(1, 'input.prompt must not be empty')
    .max(MAX_PROMPT_CHARACTERS, `input.prompt must be at most ${MAX_PROMPT_CHARACTERS} characters`),
  image_url: referenceUrl('image_url').optional(),
  image: referenceUrl('image').optional(),
  /** A preset of the model (`1K`, `2K`, …) or `WIDTHxHEIGHT`; default the model's preset. */
  size: z
    .string({ error: 'input.size must be a string' })
    .max(32, 'input.size must be at most 32 characters')
    .optional(),
  /** Our "AI generated" mark; off unless asked for (seed 000 is silent). */
  watermark: z.boolean({ error: 'input.watermark must be a boolean' }).optional(),
});
export type ImagePredictionInput = z.infer<typeof imagePredictionInputSchema>;

/** The reference an image input names (`image_url` first), if any. */
export function predictionReferenceUrl(input: Record<string, unknown>): { field: string; url: string } | undefined {
  for (const field of ['image_url', 'image']) {
    const value = input[field];
    if (typeof value === 'string' && value !== '') return { field: `input.${field}`, url: value };
  }
  return undefined;
}

/** `generation.prediction.create`: the gateway has read our own URLs into `references` already. */
export const createPredictionRequestSchema = z.object({
  team_id: uuidField,
  key_id: uuidField,
  model: z.string().max(MAX_MODEL_CHARS),
  input: inputObjectSchema,
  references: z.array(generationReferenceSchema).max(1),
  webhook: callbackUrlSchema.optional(),
  webhook_events_filter: z.array(z.enum(PREDICTION_WEBHOOK_EVENTS)).max(2).optional(),
});
export type CreatePredictionRequest = z.infer<typeof createPredictionRequestSchema>;

export const predictionLookupSchema = z.object({ team_id: uuidField, job_id: uuidField });

/** A prediction as seed 000 clients see it (the `GET /v1/predictions/{job_id}` body, and the webhook body). */
export const predictionSchema = z.object({
  job_id: uuidField,
  model: z.string(),
  status: z.enum(PREDICTION_STATUSES),
  input: z.record(z.string(), z.unknown()),
  /** Completed: the signed URL of the output image (valid 7 days); else null. */
  result: z.string().nullable(),
  /** Failed: why; canceled: that it was canceled; else null. */
  error: z.string().nullable(),
  /** Queued: 1 for the next job to run; else null. */
  queue_position: z.number().int().min(1).nullable(),
  webhook: z.string().nullable(),
  webhook_events_filter: z.array(z.enum(PREDICTION_WEBHOOK_EVENTS)),
  created_at: z.string(),
  started_at: z.string().nullable(),
  completed_at: z.string().nullable(),
});
export type Prediction = z.infer<typeof predictionSchema>;

export const PREDICTION_RPC = {
  create: { request: createPredictionRequestSchema, response: predictionSchema },
  get: { request: predictionLookupSchema, response: predictionSchema },
  cancel: { request: predictionLookupSchema, response: predictionSchema },
} as const;
