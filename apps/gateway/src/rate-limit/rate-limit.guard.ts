import { CanActivate, ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { DomainError } from '@mp/contracts';
import { APP_CONFIG, LOGGER } from '@mp/platform';
import type { FastifyReply } from 'fastify';
import type { Logger } from 'pino';
import type { GatewayConfig } from '../app.config';
import type { AuthenticatedRequest } from '../auth/principal.decorator';
import { DIALECT_METADATA, DialectDefinition } from '../dialects/dialect-definition';
import { decide } from './rate-limit-decision';
import { RateLimitMetrics } from './rate-limit.metrics';
import type { RateLimitPolicy } from './rate-limit-policy';
import { RedisRateLimiter } from './redis-rate-limiter';

/**
 * Counts the request against the authenticated key (so it runs after the dialect's key guard) and
 * refuses it with `RateLimited` (429, `Retry-After`) once the key's window is used up. When Redis
 * does not answer the request goes through uncounted: a limiter outage must not take the API down.
 */
@Injectable()
export class RateLimitGuard implements CanActivate {
  private readonly policies = new Map<string, RateLimitPolicy>();

  constructor(
    private readonly reflector: Reflector,
    private readonly limiter: RedisRateLimiter,
    private readonly metrics: RateLimitMetrics,
    @Inject(APP_CONFIG) private readonly config: GatewayConfig,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const definition = this.reflector.getAllAndOverride<DialectDefinition | undefined>(DIALECT_METADATA, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (!definition?.rateLimit) throw new Error('RateLimitGuard used on a route whose @Dialect() has no rate limit');
    const dialect = definition.id;
    const policy = this.policyOf(definition.id, definition.rateLimit);
    if (policy.limit === 0) return true;
    const principal = context.switchToHttp().getRequest<AuthenticatedRequest>().principal;
    if (!principal) throw new Error('RateLimitGuard must run after an authentication guard');

    let counted;
    try {
      counted = await this.limiter.hit(dialect, principal.key_id, policy);
    } catch (err) {
      this.metrics.record(dialect, 'redis_error');
      this.logger.warn({ err, dialect }, 'Rate limiter unavailable; request let through uncounted');
      return true;
    }
    const decision = decide(policy, counted.count, counted.remainingMs);
    context.switchToHttp().getResponse<FastifyReply>().headers(decision.headers);
    this.metrics.record(dialect, decision.allowed ? 'allowed' : 'limited');
    if (!decision.allowed) {
      throw new DomainError(
        'RateLimited',
        `Rate limit exceeded: at most ${policy.limit} requests per ${policy.windowSeconds} s per key; retry in ${decision.resetSeconds} s`,
        {
          limit: policy.limit,
          window_seconds: policy.windowSeconds,
          retry_after_seconds: decision.resetSeconds,
        },
      );
    }
    return true;
  }

  private policyOf(dialect: string, limit: NonNullable<DialectDefinition['rateLimit']>): RateLimitPolicy {
    let policy = this.policies.get(dialect);
    if (!policy) this.policies.set(dialect, (policy = limit(this.config)));
    return policy;
  }
}
