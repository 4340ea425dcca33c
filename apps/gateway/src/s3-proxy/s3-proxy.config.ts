import { z } from 'zod';

/** S3 storage proxy (seed 002, `/s3/...`) settings of the gateway; the quota itself is quota-billing's. */
export const s3ProxyConfigSchema = z.object({
  /** Largest single file `POST /s3/upload` accepts (default 5 GiB, the largest object S3 copies in one request). */
  S3_PROXY_MAX_FILE_BYTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(5 * 1024 ** 3)
    .default(5 * 1024 ** 3),
});
export type S3ProxyConfig = z.infer<typeof s3ProxyConfigSchema>;
