import { Module } from '@nestjs/common';
import { RateLimitGuard } from './rate-limit.guard';
import { RateLimitMetrics } from './rate-limit.metrics';
import { rateLimitRedisProvider, RateLimitRedisLifecycle } from './rate-limit-redis.provider';
import { RedisRateLimiter } from './redis-rate-limiter';

/** Per-key request limits shared by all gateway replicas through Redis; applied by `@Dialect()` to dialects that define a `rateLimit`. */
@Module({
  providers: [rateLimitRedisProvider, RateLimitRedisLifecycle, RedisRateLimiter, RateLimitMetrics, RateLimitGuard],
  exports: [RedisRateLimiter, RateLimitMetrics, RateLimitGuard],
})
export class RateLimitModule {}
