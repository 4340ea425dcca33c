import { z } from 'zod';

/**
 * A generated image was stored (by `POST /v1/images/generations` or a prediction). Files registers it
 * as a file of the team (`source: "prediction"`), quota-billing puts it in the key's gallery.
 */
export const generationImageStoredEventSchema = z.object({
  team_id: z.string(),
  /** The key that asked for it: the gallery is per AI Image key, files are per team. */
  key_id: z.string(),
  origin: z.enum(['generation', 'prediction']),
  /** The generation request id or the prediction's job id (seed 000's `source_job_id`). */
  source_job_id: z.string(),
  index: z.number().int().nonnegative(),
  object_key: z.string(),
  content_type: z.string(),
  bytes: z.number().int().nonnegative(),
  width: z.number().int().positive(),
  height: z.number().int().positive(),
  /** Public model name (`seedream-4.5`, `flux-kontext-pro`). */
  model: z.string(),
  prompt: z.string(),
  /** The size as asked (`2K`, `2048x2048`); the gallery's `image_size`. */
  size_label: z.string(),
  seed: z.number().int().optional(),
  created_at: z.string(),
});
export type GenerationImageStoredEvent = z.infer<typeof generationImageStoredEventSchema>;

/** One `kikaku_` generation request finished, successfully or not: a row of `GET /v1/logs` and of `stats`. */
export const generationRequestLoggedEventSchema = z.object({
  request_id: z.string(),
  team_id: z.string(),
  key_id: z.string(),
  /** Null when the request named no model the API knows. */
  model: z.string().nullable(),
  status: z.enum(['success', 'failed']),
  response_time_ms: z.number().int().nonnegative(),
  error_message: z.string().nullable(),
  images_generated: z.number().int().nonnegative(),
  occurred_at: z.string(),
});
export type GenerationRequestLoggedEvent = z.infer<typeof generationRequestLoggedEventSchema>;
