import { z } from 'zod';

/**
 * Per-key request limits of the gateway's dialects. Seed 002 lists `429 — Rate limit exceeded` for the
 * S3 proxy without a number (its only figure, 10 requests/minute, is the AI Image API's).
 */
export const rateLimitConfigSchema = z.object({
  /** Requests one `kikaku_s3` key may make to `/s3/*` per window; 0 turns the limit off. */
  S3_PROXY_RATE_LIMIT: z.coerce.number().int().min(0).max(1_000_000).default(120),
  /** Length of the sliding window the S3 proxy limit counts in. */
  S3_PROXY_RATE_LIMIT_WINDOW_SECONDS: z.coerce.number().int().min(1).max(86_400).default(60),
  /**
   * Requests one `kikaku` key may make to the AI Image API per window (the seed's 10 per minute) unless
   * an admin set the key's own `rate_limit_per_minute`; 0 turns it off.
   */
  GENERATION_RATE_LIMIT: z.coerce.number().int().min(0).max(1_000_000).default(10),
  GENERATION_RATE_LIMIT_WINDOW_SECONDS: z.coerce.number().int().min(1).max(86_400).default(60),
  /**
   * Reads of the AI Image API (`/v1/usage`, `/v1/logs`, `/v1/gallery`) per key and window, counted apart
   * from generations so a portal showing a key's figures does not spend its 10 generations a minute.
   */
  GENERATION_READ_RATE_LIMIT: z.coerce.number().int().min(0).max(1_000_000).default(120),
  /** Longest wait for Redis before a request is let through uncounted (fail open). */
  RATE_LIMIT_REDIS_TIMEOUT_MS: z.coerce.number().int().min(10).max(10_000).default(500),
});
export type RateLimitConfig = z.infer<typeof rateLimitConfigSchema>;
