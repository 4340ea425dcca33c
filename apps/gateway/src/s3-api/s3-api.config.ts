import { z } from 'zod';

const seconds = (min: number, max: number) => z.coerce.number().int().min(min).max(max);

/** The S3 protocol endpoint (`/s3-api`, SigV4) of the gateway; storage and quota are the S3 proxy's. */
export const s3ApiConfigSchema = z.object({
  /** The region clients sign for (`aws configure set default.region …`); another region is refused. */
  S3_API_REGION: z
    .string()
    .regex(/^[a-z0-9-]{1,32}$/)
    .default('us-east-1'),
  /** Largest difference between a signed request's X-Amz-Date and the gateway clock (S3: 15 minutes). */
  S3_API_MAX_CLOCK_SKEW_SECONDS: seconds(1, 3600).default(900),
  /** Incomplete multipart uploads older than this are aborted and their bytes given back. */
  S3_API_MULTIPART_MAX_AGE_SECONDS: seconds(60, 30 * 24 * 3600).default(24 * 3600),
  /** How often incomplete multipart uploads are looked for (0: never, e.g. on all but one gateway). */
  S3_API_MULTIPART_SWEEP_INTERVAL_SECONDS: seconds(0, 24 * 3600).default(3600),
  /**
   * Virtual-hosted-style addressing: a request to `<bucket>.<this host name>` (e.g. `api.example.com`
   * for the endpoint `https://api.example.com/s3-api`) addresses that bucket, its path under
   * `/s3-api` being the key. Unset: path style only. Those host names must reach the gateway
   * (a wildcard DNS record and certificate, an ingress rule for `*.<host>`).
   */
  S3_API_VIRTUAL_HOST_BASE: z
    .string()
    .regex(/^[A-Za-z0-9]([A-Za-z0-9.-]{0,251}[A-Za-z0-9])?$/)
    .optional(),
  /** A CompleteMultipartUpload still assembling after this answers 200 at once and keeps the connection alive. */
  S3_API_COMPLETE_KEEPALIVE_AFTER_MS: z.coerce.number().int().min(0).max(600_000).default(5_000),
});
export type S3ApiConfig = z.infer<typeof s3ApiConfigSchema>;

/** Where the S3 protocol is served: path-style, `{prefix}/{bucket}/{key}`. */
export const S3_API_PREFIX = '/s3-api';
