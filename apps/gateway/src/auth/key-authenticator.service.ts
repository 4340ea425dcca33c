import { Inject, Injectable } from '@nestjs/common';
import { ApiKeyKind, DomainError, Principal } from '@mp/contracts';
import { APP_CONFIG, RpcClient } from '@mp/platform';
import { GatewayConfig } from '../app.config';
import { CredentialCache } from './credential-cache';
import { hashKey } from './key-hash';

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
  private readonly cache: CredentialCache<Lookup, Principal>;

  constructor(
    private readonly rpc: RpcClient,
    @Inject(APP_CONFIG) config: GatewayConfig,
  ) {
    this.cache = new CredentialCache(config.KEY_CACHE_TTL_MS, {
      load: (lookup) => this.rpc.request('billing.key.authenticate', { key_hash: lookup.hash, app_key: lookup.appKey }),
      unknownWhen: ['InvalidApiKey'],
    });
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
    const principal = await this.cache.get(options.appKey ? `${options.appKey}:${lookup.hash}` : lookup.hash, lookup);
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
}
