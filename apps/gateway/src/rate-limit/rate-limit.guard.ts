import { CanActivate, ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { APP_CONFIG } from '@mp/platform';
import type { FastifyReply } from 'fastify';
import type { GatewayConfig } from '../app.config';
import type { AuthenticatedRequest } from '../auth/principal.decorator';
import { DIALECT_METADATA, DialectDefinition } from '../dialects/dialect-definition';
import { RateLimitEnforcer } from './rate-limit.enforcer';
import { RATE_LIMIT_SCOPE, RateLimitPolicy, RateLimitScope } from './rate-limit-policy';
import type { RateLimitConfig } from './rate-limit.config';

/**
 * Applies the rate limit of the route's `@Dialect()` to the authenticated key (so it runs after the
 * dialect's key guard): sets `X-RateLimit-*` and refuses with `RateLimited` (429, `Retry-After`)
 * once the key's sliding window is full.
 */
@Injectable()
export class RateLimitGuard implements CanActivate {
  private readonly policies = new Map<string, RateLimitPolicy>();

  constructor(
    private readonly reflector: Reflector,
    private readonly enforcer: RateLimitEnforcer,
    @Inject(APP_CONFIG) private readonly config: GatewayConfig,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const definition = this.reflector.getAllAndOverride<DialectDefinition | undefined>(DIALECT_METADATA, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (!definition?.rateLimit) throw new Error('RateLimitGuard used on a route whose @Dialect() has no rate limit');
    const principal = context.switchToHttp().getRequest<AuthenticatedRequest>().principal;
    if (!principal) throw new Error('RateLimitGuard must run after an authentication guard');
    const own = this.reflector.getAllAndOverride<RateLimitScope<RateLimitConfig> | undefined>(RATE_LIMIT_SCOPE, [
      context.getHandler(),
      context.getClass(),
    ]);
    const outcome = own
      ? await this.enforcer.count(own.scope, principal, this.policyOf(own.scope, own.policy), { perKey: own.perKey })
      : await this.enforcer.count(definition.id, principal, this.policyOf(definition.id, definition.rateLimit));
    context.switchToHttp().getResponse<FastifyReply>().headers(outcome.headers);
    if (outcome.refusal) throw outcome.refusal;
    return true;
  }

  private policyOf(scope: string, limit: (config: RateLimitConfig) => RateLimitPolicy): RateLimitPolicy {
    let policy = this.policies.get(scope);
    if (!policy) this.policies.set(scope, (policy = limit(this.config)));
    return policy;
  }
}
