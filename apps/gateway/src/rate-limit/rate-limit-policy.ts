/** At most `limit` requests per key in each `windowSeconds` window; `limit` 0 means unlimited. */
export interface RateLimitPolicy {
  limit: number;
  windowSeconds: number;
}

/** Route metadata: this controller counts in its own window instead of its dialect's. */
export const RATE_LIMIT_SCOPE = Symbol('RATE_LIMIT_SCOPE');

export interface RateLimitScope<Config = never> {
  /** Redis and metrics name of the window (`generation-reads`). */
  scope: string;
  policy: (config: Config) => RateLimitPolicy;
  /** Whether a key's own `rate_limit_per_minute` applies here too (default true). */
  perKey?: boolean;
}
