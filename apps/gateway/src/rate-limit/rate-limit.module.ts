import { Module } from '@nestjs/common';
import { RateLimitGuard } from './rate-limit.guard';
import { RateLimitMetrics } from './rate-limit.metrics';
import { rateLimitRedisProvider, RateLimitRedisLifecycle } from './rate-limit-redis.provider';
import { RedisRateLimiter } from './redis-rate-limiter';

/** Per-key request limits shared by all gateway replicas through Redis; apply with `@UseGuards(<key guard>, RateLimitGuard)` + `@RateLimit(dialect)`. */
@Module({
  providers: [rateLimitRedisProvider, RateLimitRedisLifecycle, RedisRateLimiter, RateLimitMetrics, RateLimitGuard],
  exports: [RedisRateLimiter, RateLimitMetrics, RateLimitGuard],
})
export class RateLimitModule {}
