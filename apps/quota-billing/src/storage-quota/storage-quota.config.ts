import { Provider } from '@nestjs/common';
import { loadConfig } from '@mp/platform';
import { z } from 'zod';

/**
 * Settings of the S3 proxy's storage quota. They are validated once, when the module is built at
 * boot (a bad value stops the service with a clear message), from the same environment as the
 * rest of quota-billing's config.
 */
export const storageQuotaConfigSchema = z.object({
  /** Quota of a `kikaku_s3` key without a limit of its own (default 1 GiB). */
  S3_PROXY_QUOTA_BYTES: z.coerce
    .number()
    .int()
    .min(0)
    .max(Number.MAX_SAFE_INTEGER)
    .default(1024 * 1024 * 1024),
  /** An upload's reservation lapses this long after it last grew (an uploader that vanished). */
  S3_PROXY_RESERVATION_TTL_SECONDS: z.coerce
    .number()
    .int()
    .min(10)
    .max(7 * 24 * 3600)
    .default(3600),
});
export type StorageQuotaConfig = z.infer<typeof storageQuotaConfigSchema>;

export const STORAGE_QUOTA_CONFIG = Symbol('STORAGE_QUOTA_CONFIG');

export const storageQuotaConfigProvider: Provider = {
  provide: STORAGE_QUOTA_CONFIG,
  useFactory: (): StorageQuotaConfig => loadConfig(storageQuotaConfigSchema),
};
