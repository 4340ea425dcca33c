import { z } from 'zod';

/**
 * Per-key request limits of the gateway's dialects. Seed 002 lists `429 — Rate limit exceeded` for the
 * S3 proxy without a number (its only figure, 10 requests/minute, is the AI Image API's).
 */
export const rateLimitConfigSchema = z.object({
  /** Requests one `kikaku_s3` key may make to `/s3/*` per window; 0 turns the limit off. */
  S3_PROXY_RATE_LIMIT: z.coerce.number().int().min(0).max(1_000_000).default(120),
  /** Length of the fixed window the S3 proxy limit counts in. */
  S3_PROXY_RATE_LIMIT_WINDOW_SECONDS: z.coerce.number().int().min(1).max(86_400).default(60),
  /** Longest wait for Redis before a request is let through uncounted (fail open). */
  RATE_LIMIT_REDIS_TIMEOUT_MS: z.coerce.number().int().min(10).max(10_000).default(500),
});
export type RateLimitConfig = z.infer<typeof rateLimitConfigSchema>;
