/** At most `limit` requests per key in each `windowSeconds` window; `limit` 0 means unlimited. */
export interface RateLimitPolicy {
  limit: number;
  windowSeconds: number;
}
