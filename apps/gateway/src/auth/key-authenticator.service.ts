import { Inject, Injectable } from '@nestjs/common';
import { ApiKeyKind, DomainError, Principal } from '@mp/contracts';
import { APP_CONFIG, RpcClient } from '@mp/platform';
import { GatewayConfig } from '../app.config';
import { hashKey } from './key-hash';
import { PrincipalCache } from './principal-cache';

/** Resolves a credential to its team through quota-billing; only hashes leave the gateway. */
@Injectable()
export class KeyAuthenticator {
  private readonly cache: PrincipalCache;

  constructor(
    private readonly rpc: RpcClient,
    @Inject(APP_CONFIG) config: GatewayConfig,
  ) {
    this.cache = new PrincipalCache(config.KEY_CACHE_TTL_MS);
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
    const hash = hashKey(secret);
    const cacheKey = options.appKey ? `${options.appKey}:${hash}` : hash;
    const principal = await this.lookup(cacheKey, hash, options.appKey);
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

  private async lookup(cacheKey: string, hash: string, appKey?: string): Promise<Principal | null> {
    const cached = this.cache.get(cacheKey);
    if (cached) return cached.principal;
    try {
      const principal = await this.rpc.request('billing.key.authenticate', { key_hash: hash, app_key: appKey });
      this.cache.set(cacheKey, principal);
      return principal;
    } catch (err) {
      if (err instanceof DomainError && err.code === 'InvalidApiKey') {
        this.cache.set(cacheKey, null);
        return null;
      }
      throw err;
    }
  }
}
