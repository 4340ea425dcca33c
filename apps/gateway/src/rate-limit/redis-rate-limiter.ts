import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG } from '@mp/platform';
import Redis from 'ioredis';
import type { GatewayConfig } from '../app.config';
import { RATE_LIMIT_REDIS } from './rate-limit-redis.provider';
import type { RateLimitPolicy } from './rate-limit-policy';

/**
 * One fixed window per key, opened by its first request: INCR, and on a fresh counter PEXPIRE,
 * in one script so replicas sharing the Redis never lose an increment or a counter without expiry.
 * Returns the count including this request and the window's remaining milliseconds.
 */
const HIT_SCRIPT = `
local count = redis.call('INCR', KEYS[1])
local ttl = redis.call('PTTL', KEYS[1])
if ttl < 0 then
  redis.call('PEXPIRE', KEYS[1], ARGV[1])
  ttl = tonumber(ARGV[1])
end
return {count, ttl}
`;

export interface WindowCount {
  count: number;
  remainingMs: number;
}

/** Counters shared by every gateway replica, under `<NAMESPACE>:rate-limit:<dialect>:<subject>`. */
@Injectable()
export class RedisRateLimiter {
  constructor(
    @Inject(RATE_LIMIT_REDIS) private readonly redis: Redis,
    @Inject(APP_CONFIG) private readonly config: GatewayConfig,
  ) {}

  async hit(dialect: string, subject: string, policy: RateLimitPolicy): Promise<WindowCount> {
    const key = `${this.config.NAMESPACE}:rate-limit:${dialect}:${subject}`;
    const [count, remainingMs] = (await this.redis.eval(HIT_SCRIPT, 1, key, String(policy.windowSeconds * 1000))) as [
      number,
      number,
    ];
    return { count, remainingMs };
  }
}
