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
  /** Memory for public URLs' small images per gateway (0 = off); an entry is used only while image-ops reports its ETag. */
  IMAGE_PUBLIC_MEMORY_CACHE_MB: z.coerce.number().int().min(0).max(16_384).default(64),
  /** Largest image kept in that memory. */
  IMAGE_PUBLIC_MEMORY_CACHE_OBJECT_KB: z.coerce.number().int().min(0).max(65_536).default(512),
  /** Callback ports (the seed: 80 and 443); the same setting as the notifier's. */
  OUTBOUND_ALLOWED_PORTS: outboundPortsSettingSchema,
});
export type ImageApiConfig = z.infer<typeof imageApiConfigSchema>;
