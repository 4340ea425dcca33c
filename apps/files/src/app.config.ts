import { baseConfigSchema, storageConfigSchema } from '@mp/platform';
import { UPLOAD_LIMITS } from '@mp/contracts';
import { z } from 'zod';

export const filesConfigSchema = z.object({
  ...baseConfigSchema.shape,
  ...storageConfigSchema.shape,
  HTTP_PORT: z.coerce.number().int().min(0).max(65535).default(8081),
  /** First segment of every object key (`<prefix>/<team>/<folder>/<epoch_ms>_<name>`). */
  OBJECT_KEY_PREFIX: z.string().regex(/^[a-z0-9][a-z0-9-]{0,62}$/, 'must be lowercase letters, digits or -').default('aiapi'),
  UPLOAD_MAX_BYTES: z.coerce.number().int().min(1).max(UPLOAD_LIMITS.maxBytes).default(UPLOAD_LIMITS.maxBytes),
  UPLOAD_URL_TTL_SECONDS: z.coerce.number().int().min(60).max(604800).default(604800),
  DOWNLOAD_URL_TTL_SECONDS: z.coerce.number().int().min(60).max(604800).default(604800),
  FILE_RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(7),
  /** How often pending uploads are checked against the store (for stores without events). */
  RECONCILE_INTERVAL_MS: z.coerce.number().int().min(200).default(30_000),
  /** Bearer token of `POST /internal/storage-events` (S3/MinIO webhook); unset = endpoint disabled. */
  STORAGE_EVENTS_TOKEN: z.string().min(16).optional(),
});
export type FilesConfig = z.infer<typeof filesConfigSchema>;
