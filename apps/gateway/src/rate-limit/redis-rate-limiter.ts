import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG } from '@mp/platform';
import Redis from 'ioredis';
import { randomUUID } from 'node:crypto';
import type { GatewayConfig } from '../app.config';
import { RATE_LIMIT_REDIS } from './rate-limit-redis.provider';
import type { RateLimitPolicy } from './rate-limit-policy';

/**
 * A sliding-window log per subject: a sorted set of `<id>:<weight>` members scored by the Redis
 * server's clock (one clock for every replica). Entries older than the window are dropped, the
 * weights still inside it summed; the hit is recorded only when it fits, so a refused client is not
 * locked out longer by its retries. Returns the used weight including this hit (above the limit
 * when refused) and the milliseconds until enough of the window has slid for this hit to fit.
 * Written as a script because the read-decide-write must be atomic across replicas.
 */
const HIT_SCRIPT = `
local window = tonumber(ARGV[1])
local limit = tonumber(ARGV[2])
local weight = tonumber(ARGV[3])
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - window)
local entries = redis.call('ZRANGE', KEYS[1], 0, -1, 'WITHSCORES')
local used = 0
for i = 1, #entries, 2 do
  used = used + tonumber(string.match(entries[i], ':(%d+)$'))
end
if used + weight <= limit then
  redis.call('ZADD', KEYS[1], now, ARGV[4] .. ':' .. weight)
  redis.call('PEXPIRE', KEYS[1], window)
  local oldest = #entries > 0 and tonumber(entries[2]) or now
  return {used + weight, oldest + window - now}
end
local freed = 0
for i = 1, #entries, 2 do
  freed = freed + tonumber(string.match(entries[i], ':(%d+)$'))
  if used - freed + weight <= limit then
    return {used + weight, tonumber(entries[i + 1]) + window - now}
  end
end
return {used + weight, window}
`;

export interface WindowCount {
  /** Weight used in the window including this hit; above the policy's limit when the hit was refused. */
  count: number;
  /** Until the window has room again (refused) or until its oldest entry leaves it (allowed). */
  remainingMs: number;
}

/** Windows shared by every gateway replica, under `<NAMESPACE>:rate-limit:<scope>:<subject>`. */
@Injectable()
export class RedisRateLimiter {
  constructor(
    @Inject(RATE_LIMIT_REDIS) private readonly redis: Redis,
    @Inject(APP_CONFIG) private readonly config: GatewayConfig,
  ) {}

  /** Records `weight` units (1 for a request, n for n images) if they fit in the window. */
  async hit(scope: string, subject: string, policy: RateLimitPolicy, weight = 1): Promise<WindowCount> {
    const key = `${this.config.NAMESPACE}:rate-limit:${scope}:${subject}`;
    const [count, remainingMs] = (await this.redis.eval(
      HIT_SCRIPT,
      1,
      key,
      String(policy.windowSeconds * 1000),
      String(policy.limit),
      String(weight),
      randomUUID(),
    )) as [number, number];
    return { count, remainingMs };
  }
}
