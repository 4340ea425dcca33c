import type { CanActivate, Type } from '@nestjs/common';
import type { DomainError } from '@mp/contracts';
import type { DialectDoc } from '../docs/dialect-doc';
import type { RateLimitConfig } from '../rate-limit/rate-limit.config';
import type { RateLimitPolicy } from '../rate-limit/rate-limit-policy';

/**
 * One API dialect of the gateway: how its errors look and which status they get, its OpenAPI
 * document, its per-key rate limit and the guard that authenticates its callers. Controllers join a
 * dialect with `@Dialect(definition)`; the definition is registered when its module is loaded.
 */
export interface DialectDefinition {
  /** Stable id: the OpenAPI document is `/docs/<id>.json`, rate-limit counters and metrics are labelled with it. */
  id: string;
  /**
   * Path prefixes (whole segments) of this dialect, used only for requests that matched no route
   * (404, or a body refused before routing finished): every routed request knows its dialect.
   */
  unroutedPrefixes: readonly string[];
  renderError(error: DomainError): unknown;
  /** Media type of rendered errors (default `application/json`); a string body is sent as is. */
  errorContentType?: string;
  /** HTTP status of rendered errors (default: the error code's own, as REST dialects answer). */
  statusOf?(error: DomainError): number;
  docs?: DialectDoc;
  /** Authenticates every route of the dialect's controllers, unless a controller opts out (public routes). */
  guard?: Type<CanActivate>;
  /** Per-key request limit; the guard must attach a principal for it to count. */
  rateLimit?: (config: RateLimitConfig) => RateLimitPolicy;
}

/** Route metadata (handler and class) naming the dialect a route belongs to. */
export const DIALECT_METADATA = Symbol('DIALECT');

/** What the Fastify route config of a dialect's route carries (read back by the exception filter). */
export interface DialectRouteConfig {
  dialect: string;
}
