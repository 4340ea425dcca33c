import { DomainError, ErrorCode } from '@mp/contracts';
import { LRUCache } from 'lru-cache';

const MAX_ENTRIES = 50_000;
/** Unknown credentials are remembered briefly, so one created a moment ago is not refused for long. */
const NEGATIVE_TTL_MS = 1000;

/** How a credential is looked up, and the error codes of the answer that mean it is unknown. */
export interface CredentialSource<Lookup, Value> {
  load: (lookup: Lookup) => Promise<Value>;
  unknownWhen: readonly ErrorCode[];
}

/**
 * Credential lookups (API keys, S3 access keys) cached for `ttlMs`: a revoked credential stops
 * working within it, concurrent misses of one credential share one load, unknown ones are kept at
 * most a second. `ttlMs` 0 loads every time.
 */
export class CredentialCache<Lookup, Value> {
  private readonly cache?: LRUCache<string, { value: Value | null }, unknown>;

  constructor(
    ttlMs: number,
    private readonly source: CredentialSource<Lookup, Value>,
  ) {
    if (ttlMs <= 0) return;
    this.cache = new LRUCache({
      max: MAX_ENTRIES,
      ttl: ttlMs,
      fetchMethod: async (_key, _stale, { context, options }) => {
        const value = await this.load(context as Lookup);
        if (value === null) options.ttl = Math.min(ttlMs, NEGATIVE_TTL_MS);
        return { value };
      },
    });
  }

  /** The value of `lookup`, cached under `key`; null when the credential is unknown. */
  async get(key: string, lookup: Lookup): Promise<Value | null> {
    if (!this.cache) return this.load(lookup);
    return (await this.cache.fetch(key, { context: lookup }))?.value ?? null;
  }

  private async load(lookup: Lookup): Promise<Value | null> {
    try {
      return await this.source.load(lookup);
    } catch (err) {
      if (err instanceof DomainError && this.source.unknownWhen.includes(err.code)) return null;
      throw err;
    }
  }
}
