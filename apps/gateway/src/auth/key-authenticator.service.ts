import { Inject, Injectable } from '@nestjs/common';
import { ApiKeyKind, DomainError, Principal } from '@mp/contracts';
import { APP_CONFIG, RpcClient } from '@mp/platform';
import { LRUCache } from 'lru-cache';
import { GatewayConfig } from '../app.config';
import { hashKey } from './key-hash';

const MAX_ENTRIES = 50_000;
/** Unknown keys are remembered briefly, so a key created a moment ago is not refused for long. */
const NEGATIVE_TTL_MS = 1000;

interface Lookup {
  hash: string;
  appKey?: string;
}

/**
 * Resolves a credential to its team through quota-billing; only hashes leave the gateway. Lookups are
 * cached for KEY_CACHE_TTL_MS (revocation shows within it) and concurrent misses share one RPC.
 */
@Injectable()
export class KeyAuthenticator {
  private readonly cache?: LRUCache<string, { principal: Principal | null }, Lookup>;

  constructor(
    private readonly rpc: RpcClient,
    @Inject(APP_CONFIG) config: GatewayConfig,
  ) {
    if (config.KEY_CACHE_TTL_MS > 0) {
      this.cache = new LRUCache({
        max: MAX_ENTRIES,
        ttl: config.KEY_CACHE_TTL_MS,
        fetchMethod: async (_key, _stale, { context, options }) => {
          const principal = await this.load(context);
          if (!principal) options.ttl = Math.min(config.KEY_CACHE_TTL_MS, NEGATIVE_TTL_MS);
          return { principal };
        },
      });
    }
  }

  /** The principal of `secret` (with `appKey` for image keys), required to be of one of `kinds`. */
  async authenticate(options: {
    secret: string | undefined;
    appKey?: string;
    kinds: ApiKeyKind[];
    missingMessage: string;
  }): Promise<Principal> {
    const secret = options.secret?.trim();
    if (!secret) throw new DomainError('Unauthenticated', options.missingMessage);
    const lookup: Lookup = { hash: hashKey(secret), appKey: options.appKey };
    const principal = this.cache
      ? ((
          await this.cache.fetch(options.appKey ? `${options.appKey}:${lookup.hash}` : lookup.hash, { context: lookup })
        )?.principal ?? null)
      : await this.load(lookup);
    if (!principal) throw new DomainError('InvalidApiKey', 'Invalid or revoked API key');
    if (!options.kinds.includes(principal.kind)) {
      throw new DomainError(
        'WrongKeyKind',
        `This API needs a ${options.kinds.join(' or ')} key; the key sent is a ${principal.kind} key`,
        { key_kind: principal.kind },
      );
    }
    return principal;
  }

  private async load(lookup: Lookup): Promise<Principal | null> {
    try {
      return await this.rpc.request('billing.key.authenticate', { key_hash: lookup.hash, app_key: lookup.appKey });
    } catch (err) {
      if (err instanceof DomainError && err.code === 'InvalidApiKey') return null;
      throw err;
    }
  }
}
