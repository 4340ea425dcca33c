import { baseConfigSchema, storageConfigSchema } from '@mp/platform';
import { UPLOAD_LIMITS } from '@mp/contracts';
import { z } from 'zod';

export const filesConfigSchema = z
  .object({
    ...baseConfigSchema.shape,
    ...storageConfigSchema.shape,
    HTTP_PORT: z.coerce.number().int().min(0).max(65535).default(8081),
    /** First segment of every object key (`<prefix>/<team>/<folder>/<epoch_ms>_<name>`). */
    OBJECT_KEY_PREFIX: z
      .string()
      .regex(/^[a-z0-9][a-z0-9-]{0,62}$/, 'must be lowercase letters, digits or -')
      .default('aiapi'),
    UPLOAD_MAX_BYTES: z.coerce.number().int().min(1).max(UPLOAD_LIMITS.maxBytes).default(UPLOAD_LIMITS.maxBytes),
    UPLOAD_URL_TTL_SECONDS: z.coerce.number().int().min(60).max(604800).default(604800),
    DOWNLOAD_URL_TTL_SECONDS: z.coerce.number().int().min(60).max(604800).default(604800),
    /** Days a file lives after activation unless its `retention_days` metadata says otherwise. */
    FILE_RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(7),
    /** Bounds of a file's `retention_days` metadata. */
    FILE_RETENTION_MIN_DAYS: z.coerce.number().int().min(1).max(3650).default(1),
    FILE_RETENTION_MAX_DAYS: z.coerce.number().int().min(1).max(3650).default(30),
    /** How often files past `expires_at` are purged (object, record, index). */
    EXPIRY_SWEEP_INTERVAL_MS: z.coerce.number().int().min(200).default(60_000),
    /** How often pending uploads are checked against the store (for stores without events). */
    RECONCILE_INTERVAL_MS: z.coerce.number().int().min(200).default(30_000),
    /** Bearer token of `POST /internal/storage-events` (S3/MinIO webhook); unset = endpoint disabled. */
    STORAGE_EVENTS_TOKEN: z.string().min(16).optional(),
    /** Base of canonical media URLs (`{CDN_URL}/media/{resource_id}/file.{ext}`); default the gateway's `/files` route. */
    CDN_URL: z.url().optional(),
    /** Where clients reach the gateway; media URLs without a CDN_URL go through its `/files/{path}` (signed redirects). */
    PUBLIC_BASE_URL: z.url().optional(),
    /** `temp/` objects older than this that were never ingested are deleted (default 24 h). */
    TEMP_OBJECT_TTL_MS: z.coerce.number().int().min(1000).default(86_400_000),
    TEMP_PURGE_INTERVAL_MS: z.coerce.number().int().min(200).default(3_600_000),
    /** How often media resources without attachments are deleted, and how long one may sit unattached first. */
    MEDIA_GC_INTERVAL_MS: z.coerce.number().int().min(200).default(3_600_000),
    MEDIA_GC_GRACE_MS: z.coerce.number().int().min(0).default(3_600_000),
    /** Bulk-upload ZIP limits (zip bombs are refused before anything is inflated). */
    BULK_UPLOAD_MAX_ENTRIES: z.coerce.number().int().min(1).default(10_000),
    BULK_UPLOAD_MAX_ENTRY_BYTES: z.coerce
      .number()
      .int()
      .min(1)
      .default(50 * 1024 * 1024),
    BULK_UPLOAD_MAX_TOTAL_BYTES: z.coerce
      .number()
      .int()
      .min(1)
      .default(4 * 1024 * 1024 * 1024),
    BULK_UPLOAD_MAX_RATIO: z.coerce.number().min(1).default(100),
  })
  .refine(
    (c) => c.FILE_RETENTION_MIN_DAYS <= c.FILE_RETENTION_DAYS && c.FILE_RETENTION_DAYS <= c.FILE_RETENTION_MAX_DAYS,
    {
      message: 'FILE_RETENTION_MIN_DAYS <= FILE_RETENTION_DAYS <= FILE_RETENTION_MAX_DAYS must hold',
      path: ['FILE_RETENTION_DAYS'],
    },
  );
export type FilesConfig = z.infer<typeof filesConfigSchema>;
