import { z } from 'zod';

/** Image API (seed 001) settings of the gateway. */
export const imageApiConfigSchema = z.object({
  /** Largest image per file; larger bodies are refused while streaming (seed: 11004). */
  IMAGE_MAX_FILE_BYTES: z.coerce.number().int().min(1).default(50 * 1024 * 1024),
  /** Most files in one multiple upload. */
  IMAGE_MAX_FILES_PER_UPLOAD: z.coerce.number().int().min(1).max(1000).default(100),
});
export type ImageApiConfig = z.infer<typeof imageApiConfigSchema>;
