import { z } from 'zod';
import {
  MAX_IMAGES_PER_REQUEST,
  MAX_PROMPT_CHARACTERS,
  MAX_REFERENCE_URL_CHARS,
  MAX_REFERENCES,
} from './image-generation-request.dto';
import { PROMPT_MODES } from './seedream-models';
import { uuidField } from '../rpc/scoped-ids';

const objectKey = z.string().min(1).max(1024);

/**
 * A reference image as the broker receives it: a public URL it fetches through the SSRF guard, or
 * the object the gateway staged a `data:` URL into (bytes never travel over NATS).
 */
export const generationReferenceSchema = z.union([
  z.object({ label: z.string().max(16), url: z.string().max(MAX_REFERENCE_URL_CHARS) }),
  z.object({ label: z.string().max(16), object_key: objectKey }),
]);
export type GenerationReferenceInput = z.infer<typeof generationReferenceSchema>;

/**
 * `generation.images.generate`: a request the gateway has validated with
 * `validateImageGenerationRequest`, in the normalised form (the broker checks it again with the
 * same model registry).
 */
export const generateImagesRequestSchema = z.object({
  team_id: uuidField,
  key_id: uuidField,
  request_id: uuidField,
  model: z.string().max(64),
  prompt: z.string().min(1).max(MAX_PROMPT_CHARACTERS),
  references: z.array(generationReferenceSchema).max(MAX_REFERENCES),
  /** As the client wrote it, or the model's default `WIDTHxHEIGHT`. */
  size: z.string().max(32),
  watermark: z.boolean(),
  sequential: z.enum(['disabled', 'auto']),
  max_images: z.number().int().min(1).max(MAX_IMAGES_PER_REQUEST),
  prompt_mode: z.enum(PROMPT_MODES),
});
export type GenerateImagesRequest = z.infer<typeof generateImagesRequestSchema>;

export const storedGenerationImageSchema = z.object({
  object_key: objectKey,
  width: z.number().int().min(1),
  height: z.number().int().min(1),
  bytes: z.number().int().min(0),
});
export type StoredGenerationImage = z.infer<typeof storedGenerationImageSchema>;

/** In request order: a stored JPEG, or why that one image failed. */
export const generationOutcomeSchema = z.union([
  storedGenerationImageSchema,
  z.object({ error: z.object({ code: z.string().max(64), message: z.string().max(1000) }) }),
]);
export type GenerationOutcome = z.infer<typeof generationOutcomeSchema>;

export const generateImagesResponseSchema = z.object({
  /** The provider's model id: the response's `model`. */
  model: z.string().max(64),
  provider: z.enum(['ark', 'local']),
  created: z.number().int(),
  images: z.array(generationOutcomeSchema).max(MAX_IMAGES_PER_REQUEST),
});
export type GenerateImagesResponse = z.infer<typeof generateImagesResponseSchema>;

/** Where the generated images of a request are stored: `generations/<team>/<request>/<n>.jpeg`. */
export function generationOutputKey(teamId: string, requestId: string, index: number): string {
  return `generations/${teamId}/${requestId}/${index}.jpeg`;
}

/** Where the gateway stages a `data:` reference for the broker to read. */
export function generationStagingKey(teamId: string, requestId: string, index: number): string {
  return `generations/.staging/${teamId}/${requestId}/${index}`;
}
