import { applyDecorators, SetMetadata, UseGuards } from '@nestjs/common';
import { RouteConfig } from '@nestjs/platform-fastify';
import { RateLimitGuard } from '../rate-limit/rate-limit.guard';
import { RATE_LIMIT_SCOPE, RateLimitScope } from '../rate-limit/rate-limit-policy';
import type { RateLimitConfig } from '../rate-limit/rate-limit.config';
import { DIALECT_METADATA, DialectDefinition, DialectRouteConfig } from './dialect-definition';

export interface DialectOptions {
  /** `false` for public routes of the dialect (login, public file URLs): its guard is not applied. */
  authenticate?: boolean;
  /** Routes of the dialect that count in a window of their own (e.g. the AI Image API's reads). */
  rateLimit?: RateLimitScope<RateLimitConfig>;
}

/**
 * Attaches a controller to a dialect: its errors are rendered in the dialect's shape (also those
 * raised before the handler runs, e.g. a body that does not parse, since Fastify knows the route),
 * and its routes get the dialect's guard and rate limit.
 */
export function Dialect(dialect: DialectDefinition, options: DialectOptions = {}): ClassDecorator {
  const guards = [
    ...(dialect.guard && options.authenticate !== false ? [dialect.guard] : []),
    ...(dialect.rateLimit && options.authenticate !== false ? [RateLimitGuard] : []),
  ];
  return (target) => {
    const prototype = target.prototype as Record<string, unknown>;
    for (const name of Object.getOwnPropertyNames(prototype)) {
      const descriptor = Object.getOwnPropertyDescriptor(prototype, name);
      if (name === 'constructor' || typeof descriptor?.value !== 'function') continue;
      RouteConfig({ dialect: dialect.id } satisfies DialectRouteConfig)(prototype, name, descriptor);
    }
    applyDecorators(
      SetMetadata(DIALECT_METADATA, dialect),
      ...(options.rateLimit ? [SetMetadata(RATE_LIMIT_SCOPE, options.rateLimit)] : []),
      ...(guards.length > 0 ? [UseGuards(...guards)] : []),
    )(target);
  };
}
