import { z } from 'zod';

/** `WIDTHxHEIGHT` of an image actually produced. */
const pixelSize = z
  .string()
  .max(16)
  .regex(/^\d{1,5}x\d{1,5}$/);

/** A JPEG of up to 4096×4096 (and 6240×2656) as base64: generously bounded. */
export const MAX_B64_JSON_CHARS = 64 * 1024 * 1024;

export const generatedImageErrorSchema = z.object({
  error: z.object({ code: z.string().max(64), message: z.string().max(1000) }),
});

/** One entry of `data[]`: a URL, the bytes as base64, or why that one image failed (e.g. `ContentFilter`). */
export const generatedImageSchema = z.union([
  z.object({ url: z.string().max(4096), size: pixelSize }),
  z.object({ b64_json: z.string().max(MAX_B64_JSON_CHARS), size: pixelSize }),
  generatedImageErrorSchema,
]);

/** `output_tokens` = Σ ⌈w·h/256⌉ over the successful images; `generated_images` counts only those. */
export const generationUsageSchema = z.object({
  generated_images: z.number().int().min(0),
  output_tokens: z.number().int().min(0),
  total_tokens: z.number().int().min(0),
});

/** Seed 002's success response: `model` is the provider id, `created` unix seconds, `data` always an array. */
export const imageGenerationResponseSchema = z.object({
  model: z.string().max(64),
  created: z.number().int(),
  data: z.array(generatedImageSchema).max(15),
  usage: generationUsageSchema,
});

export type GeneratedImage = z.infer<typeof generatedImageSchema>;
export type GenerationUsage = z.infer<typeof generationUsageSchema>;
export type ImageGenerationResponse = z.infer<typeof imageGenerationResponseSchema>;

/** ⌈w·h/256⌉: the seed's token cost of one image. */
export function imageOutputTokens(width: number, height: number): number {
  return Math.ceil((width * height) / 256);
}
