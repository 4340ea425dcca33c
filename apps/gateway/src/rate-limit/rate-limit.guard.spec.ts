import { ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { DomainError } from '@mp/contracts';
import { MetricsService } from '@mp/platform';
import type { Logger } from 'pino';
import type { GatewayConfig } from '../app.config';
import { DIALECT_METADATA } from '../dialects/dialect-definition';
import { RateLimitEnforcer } from './rate-limit.enforcer';
import { RateLimitGuard } from './rate-limit.guard';
import { RateLimitMetrics } from './rate-limit.metrics';
import type { RedisRateLimiter } from './redis-rate-limiter';

class LimitedController {
  route(): void {}
}
Reflect.defineMetadata(
  DIALECT_METADATA,
  {
    id: 's3-proxy',
    rateLimit: (c: GatewayConfig) => ({
      limit: c.S3_PROXY_RATE_LIMIT,
      windowSeconds: c.S3_PROXY_RATE_LIMIT_WINDOW_SECONDS,
    }),
  },
  LimitedController,
);

const config = { S3_PROXY_RATE_LIMIT: 2, S3_PROXY_RATE_LIMIT_WINDOW_SECONDS: 60 } as GatewayConfig;

function contextFor(principal: object | undefined, headers: Record<string, string>): ExecutionContext {
  return {
    getHandler: () => LimitedController.prototype.route,
    getClass: () => LimitedController,
    switchToHttp: () => ({
      getRequest: () => ({ principal }),
      getResponse: () => ({ headers: (h: Record<string, string>) => Object.assign(headers, h) }),
    }),
  } as unknown as ExecutionContext;
}

describe('RateLimitGuard', () => {
  const principal = { key_id: 'key-1', team_id: 't', user_id: null, kind: 'kikaku_s3' };
  let metricsService: MetricsService;
  const warn = jest.fn();
  const guardWith = (hit: RedisRateLimiter['hit'], limits: Partial<GatewayConfig> = {}) =>
    new RateLimitGuard(
      new Reflector(),
      new RateLimitEnforcer({ hit } as RedisRateLimiter, new RateLimitMetrics(metricsService), {
        warn,
      } as unknown as Logger),
      { ...config, ...limits },
    );
  const decisions = async () =>
    (await metricsService.registry.getSingleMetricAsString('rate_limit_decisions_total'))
      .split('\n')
      .filter((l) => !l.startsWith('#'));

  beforeEach(() => {
    metricsService = new MetricsService('gateway');
    warn.mockReset();
  });

  it('counts the key of the principal under the dialect and sets the headers', async () => {
    const hit = jest.fn().mockResolvedValue({ count: 1, remainingMs: 59_500 });
    const headers: Record<string, string> = {};
    await expect(guardWith(hit).canActivate(contextFor(principal, headers))).resolves.toBe(true);
    expect(hit).toHaveBeenCalledWith('s3-proxy', 'key-1', { limit: 2, windowSeconds: 60 });
    expect(headers).toEqual({ 'x-ratelimit-limit': '2', 'x-ratelimit-remaining': '1', 'x-ratelimit-reset': '60' });
    expect(await decisions()).toContain(
      'rate_limit_decisions_total{dialect="s3-proxy",outcome="allowed",app="gateway"} 1',
    );
  });

  it('refuses the request past the limit with RateLimited and Retry-After', async () => {
    const headers: Record<string, string> = {};
    const refusal = await guardWith(jest.fn().mockResolvedValue({ count: 3, remainingMs: 4_200 }))
      .canActivate(contextFor(principal, headers))
      .catch((e: unknown) => e);
    expect(refusal).toBeInstanceOf(DomainError);
    expect((refusal as DomainError).code).toBe('RateLimited');
    expect((refusal as DomainError).message).toBe(
      'Rate limit exceeded: at most 2 requests per 60 s per key; retry in 5 s',
    );
    expect(headers['retry-after']).toBe('5');
    expect(await decisions()).toContain(
      'rate_limit_decisions_total{dialect="s3-proxy",outcome="limited",app="gateway"} 1',
    );
  });

  it('lets the request through uncounted when Redis fails, and says so', async () => {
    const headers: Record<string, string> = {};
    await expect(
      guardWith(jest.fn().mockRejectedValue(new Error('Command timed out'))).canActivate(
        contextFor(principal, headers),
      ),
    ).resolves.toBe(true);
    expect(headers).toEqual({});
    expect(warn).toHaveBeenCalledTimes(1);
    expect(await decisions()).toContain(
      'rate_limit_decisions_total{dialect="s3-proxy",outcome="redis_error",app="gateway"} 1',
    );
  });

  it('a key with its own rate_limit_per_minute counts against that, per minute', async () => {
    const hit = jest.fn().mockResolvedValue({ count: 1, remainingMs: 60_000 });
    const headers: Record<string, string> = {};
    await guardWith(hit).canActivate(contextFor({ ...principal, rate_limit_per_minute: 3 }, headers));
    expect(hit).toHaveBeenCalledWith('s3-proxy', 'key-1', { limit: 3, windowSeconds: 60 });
    expect(headers['x-ratelimit-limit']).toBe('3');
  });

  it('does not touch Redis when the limit is 0 (off)', async () => {
    const hit = jest.fn();
    await expect(guardWith(hit, { S3_PROXY_RATE_LIMIT: 0 }).canActivate(contextFor(principal, {}))).resolves.toBe(true);
    expect(hit).not.toHaveBeenCalled();
  });

  it('is a programming error without an authenticated principal', async () => {
    await expect(guardWith(jest.fn()).canActivate(contextFor(undefined, {}))).rejects.toThrow(
      'must run after an authentication guard',
    );
  });
});
