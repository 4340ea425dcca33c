import { Module } from '@nestjs/common';
import { RateLimitEnforcer } from './rate-limit.enforcer';
import { RateLimitGuard } from './rate-limit.guard';
import { RateLimitMetrics } from './rate-limit.metrics';
import { RATE_LIMIT_REDIS, rateLimitRedisProvider, RateLimitRedisLifecycle } from './rate-limit-redis.provider';
import { RedisRateLimiter } from './redis-rate-limiter';

/**
 * Per-key request limits shared by all gateway replicas through Redis; applied by `@Dialect()` to
 * dialects that define a `rateLimit`. Its short-timeout Redis connection is shared with the
 * generation API's idempotency keys.
 */
@Module({
  providers: [
    rateLimitRedisProvider,
    RateLimitRedisLifecycle,
    RedisRateLimiter,
    RateLimitMetrics,
    RateLimitEnforcer,
    RateLimitGuard,
  ],
  exports: [RedisRateLimiter, RateLimitMetrics, RateLimitEnforcer, RateLimitGuard, RATE_LIMIT_REDIS],
})
export class RateLimitModule {}
