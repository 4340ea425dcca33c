import { outboundPortsSettingSchema } from '@mp/outbound';
import { z } from 'zod';

/** Image API (seed 001) settings of the gateway. */
export const imageApiConfigSchema = z.object({
  /** Largest image per file; larger bodies are refused while streaming (seed: 11004). */
  IMAGE_MAX_FILE_BYTES: z.coerce
    .number()
    .int()
    .min(1)
    .default(50 * 1024 * 1024),
  /** Most files in one multiple upload. */
  IMAGE_MAX_FILES_PER_UPLOAD: z.coerce.number().int().min(1).max(1000).default(100),
  /** Cache-Control of served images (they are revalidated with their ETag; an overwrite keeps the URL). */
  IMAGE_CACHE_CONTROL: z.string().min(1).default('public, max-age=60'),
  /** Callback ports (the seed: 80 and 443); the same setting as the notifier's. */
  OUTBOUND_ALLOWED_PORTS: outboundPortsSettingSchema,
});
export type ImageApiConfig = z.infer<typeof imageApiConfigSchema>;
