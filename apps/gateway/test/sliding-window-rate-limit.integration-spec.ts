import { sleep } from '@mp/testing';
import Redis from 'ioredis';
import { randomBytes } from 'node:crypto';
import type { GatewayConfig } from '../src/app.config';
import { ModelImageRateLimiter } from '../src/generation-api/model-image-rate.limiter';
import { RateLimitEnforcer } from '../src/rate-limit/rate-limit.enforcer';
import { RateLimitMetrics } from '../src/rate-limit/rate-limit.metrics';
import { RedisRateLimiter } from '../src/rate-limit/redis-rate-limiter';
import { DomainError, findGenerationModel, Principal } from '@mp/contracts';
import { MetricsService } from '@mp/platform';
import type { Logger } from 'pino';

/** The limiter against the real Redis: a window that slides, not one that resets. */
describe('RedisRateLimiter (sliding window, real Redis)', () => {
  const namespace = `t${randomBytes(5).toString('hex')}`;
  const redis = new Redis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379');
  const limiter = new RedisRateLimiter(redis, { NAMESPACE: namespace } as GatewayConfig);
  const policy = { limit: 10, windowSeconds: 2 };

  afterAll(async () => {
    const keys = await redis.keys(`${namespace}:*`);
    if (keys.length) await redis.del(...keys);
    await redis.quit();
  });

  const burst = async (subject: string, n: number, weight = 1) => {
    const results = [];
    for (let i = 0; i < n; i++) results.push(await limiter.hit('generation', subject, policy, weight));
    return results.map((r) => r.count <= policy.limit);
  };

  it('10 late in one window and 10 early in the next do not both pass (a fixed window would let 20 through)', async () => {
    expect(await burst('late-early', 1)).toEqual([true]);
    await sleep(1500);
    expect(await burst('late-early', 9)).toEqual(Array(9).fill(true));
    await sleep(700);
    // The first hit has left the window, the nine of 0.7 s ago have not: one more fits.
    expect(await burst('late-early', 10)).toEqual([true, ...Array(9).fill(false)]);
  });

  it('a refused hit is not recorded, and Retry-After is when the oldest hit leaves', async () => {
    await burst('retry', 10);
    const refused = await limiter.hit('generation', 'retry', policy);
    expect(refused.count).toBe(11);
    expect(refused.remainingMs).toBeGreaterThan(1000);
    expect(refused.remainingMs).toBeLessThanOrEqual(2000);
    await sleep(refused.remainingMs + 50);
    expect(await burst('retry', 10)).toEqual(Array(10).fill(true));
  });

  it('weights count as that many units (images per minute), and one too heavy is refused whole', async () => {
    expect(await burst('weights', 2, 4)).toEqual([true, true]);
    expect(await burst('weights', 1, 3)).toEqual([false]);
    expect(await burst('weights', 1, 2)).toEqual([true]);
    expect(await burst('other-key', 1, 10)).toEqual([true]);
  });

  it("a model's images per minute count the images a request may produce, per key", async () => {
    const model = { ...findGenerationModel('seedream-4.0')!, imagesPerMinute: 20 };
    const images = new ModelImageRateLimiter(
      new RateLimitEnforcer(limiter, new RateLimitMetrics(new MetricsService('gateway')), {
        warn: jest.fn(),
      } as unknown as Logger),
    );
    const key = (id: string) => ({ key_id: id, team_id: 't', user_id: null, kind: 'kikaku' }) as Principal;
    await images.take(key('k1'), model, 15);
    const refusal = await images.take(key('k1'), model, 15).catch((e: unknown) => e);
    expect(refusal).toBeInstanceOf(DomainError);
    expect((refusal as DomainError).code).toBe('RateLimited');
    expect((refusal as DomainError).message).toContain('seedream-4.0 generates at most 20 images per minute');
    expect((refusal as DomainError).details.retry_after_seconds).toBeGreaterThanOrEqual(59);
    await expect(images.take(key('k1'), model, 5)).resolves.toBeUndefined();
    await expect(images.take(key('k2'), model, 15)).resolves.toBeUndefined();
  });
});
