import { Inject, Injectable } from '@nestjs/common';
import { DomainError, Principal } from '@mp/contracts';
import { LOGGER } from '@mp/platform';
import type { Logger } from 'pino';
import { decide } from './rate-limit-decision';
import { RateLimitMetrics } from './rate-limit.metrics';
import type { RateLimitPolicy } from './rate-limit-policy';
import { RedisRateLimiter } from './redis-rate-limiter';

export interface RateLimitOutcome {
  /** `X-RateLimit-*` (and `Retry-After` on a refusal) to answer with; empty when nothing was counted. */
  headers: Record<string, string>;
  /** Set once the window is full: `RateLimited` with `retry_after_seconds`. */
  refusal?: DomainError;
}

export interface CountOptions {
  /** Whether a key's own `rate_limit_per_minute` replaces the policy (default true). */
  perKey?: boolean;
  /** Units this request takes (images it may produce); 1 by default. */
  weight?: number;
  /** The refusal's message when the scope says more than "requests per window". */
  refusal?: (policy: RateLimitPolicy, retryAfterSeconds: number) => string;
}

/**
 * Counts one request of a key in the sliding window of `scope`: the headers to answer with and,
 * once the window is full, the refusal to throw after setting them. A key
 * with its own `rate_limit_per_minute` counts against that. When Redis does not answer the request
 * goes through uncounted: a limiter outage must not take the API down.
 */
@Injectable()
export class RateLimitEnforcer {
  constructor(
    private readonly limiter: RedisRateLimiter,
    private readonly metrics: RateLimitMetrics,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  async count(
    scope: string,
    principal: Principal,
    dialectPolicy: RateLimitPolicy,
    options: CountOptions = {},
  ): Promise<RateLimitOutcome> {
    const policy = (options.perKey === false ? undefined : keyPolicy(principal)) ?? dialectPolicy;
    if (policy.limit === 0) return { headers: {} };
    let counted;
    try {
      const weight = options.weight === undefined ? [] : [options.weight];
      counted = await this.limiter.hit(scope, principal.key_id, policy, ...weight);
    } catch (err) {
      this.metrics.record(scope, 'redis_error');
      this.logger.warn({ err, dialect: scope }, 'Rate limiter unavailable; request let through uncounted');
      return { headers: {} };
    }
    const decision = decide(policy, counted.count, counted.remainingMs);
    this.metrics.record(scope, decision.allowed ? 'allowed' : 'limited');
    if (decision.allowed) return { headers: decision.headers };
    return {
      headers: decision.headers,
      refusal: new DomainError(
        'RateLimited',
        options.refusal?.(policy, decision.resetSeconds) ??
          `Rate limit exceeded: at most ${policy.limit} requests per ${policy.windowSeconds} s per key; retry in ${decision.resetSeconds} s`,
        {
          limit: policy.limit,
          window_seconds: policy.windowSeconds,
          retry_after_seconds: decision.resetSeconds,
        },
      ),
    };
  }
}

/** A key with its own `rate_limit_per_minute` (seed 002's AI Image keys, set by an admin) counts per minute. */
function keyPolicy(principal: Principal): RateLimitPolicy | undefined {
  const perMinute = principal.rate_limit_per_minute;
  return typeof perMinute === 'number' ? { limit: perMinute, windowSeconds: 60 } : undefined;
}
