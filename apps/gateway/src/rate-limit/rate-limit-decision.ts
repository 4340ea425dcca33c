import type { RateLimitPolicy } from './rate-limit-policy';

/** What one counted request learned: allowed or not, and the headers that say so. */
export interface RateLimitDecision {
  allowed: boolean;
  /** Whole seconds until the window resets (≥ 1). */
  resetSeconds: number;
  headers: Record<string, string>;
}

/**
 * Turns a window's counter (`count` requests so far, including this one) and its remaining lifetime
 * into the decision and the `X-RateLimit-*` headers; a refused request also gets `Retry-After`.
 */
export function decide(policy: RateLimitPolicy, count: number, remainingMs: number): RateLimitDecision {
  const allowed = count <= policy.limit;
  const resetSeconds = Math.max(1, Math.ceil(remainingMs / 1000));
  const headers: Record<string, string> = {
    'x-ratelimit-limit': String(policy.limit),
    'x-ratelimit-remaining': String(Math.max(0, policy.limit - count)),
    'x-ratelimit-reset': String(resetSeconds),
  };
  if (!allowed) headers['retry-after'] = String(resetSeconds);
  return { allowed, resetSeconds, headers };
}
