import type { RateLimitConfig } from './rate-limit.config';

/** The dialects whose routes carry a per-key rate limit. */
export const RATE_LIMITED_DIALECTS = ['s3-proxy'] as const;
export type RateLimitedDialect = (typeof RATE_LIMITED_DIALECTS)[number];

/** At most `limit` requests per key in each `windowSeconds` window; `limit` 0 means unlimited. */
export interface RateLimitPolicy {
  limit: number;
  windowSeconds: number;
}

export function rateLimitPolicies(config: RateLimitConfig): Record<RateLimitedDialect, RateLimitPolicy> {
  return {
    's3-proxy': { limit: config.S3_PROXY_RATE_LIMIT, windowSeconds: config.S3_PROXY_RATE_LIMIT_WINDOW_SECONDS },
  };
}
