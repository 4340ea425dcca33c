import { Inject, Injectable } from '@nestjs/common';
import { DomainError, Principal, RpcParsedRequest } from '@mp/contracts';
import { LOGGER, RpcHandler } from '@mp/platform';
import type { Logger } from 'pino';
import { appKeysMatch, isKeyHash } from './api-key-secrets';
import { ApiKeyRepository } from './api-key.repository';
import { LastUsedThrottle } from './last-used-throttle';

/**
 * `billing.key.authenticate`: resolves the hash of a presented secret to its principal. It is on
 * the path of every request, so it is one indexed lookup; recording `last_used_at` happens at
 * most once a minute per key and never delays the reply.
 */
@Injectable()
export class ApiKeyAuthenticator {
  private readonly throttle = new LastUsedThrottle();

  constructor(
    private readonly keys: ApiKeyRepository,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  @RpcHandler('billing.key.authenticate')
  async authenticate(request: RpcParsedRequest<'billing.key.authenticate'>): Promise<Principal> {
    if (!isKeyHash(request.key_hash)) throw invalidApiKey();
    const key = await this.keys.findActiveByHash(request.key_hash.toLowerCase());
    // Unknown, revoked and wrong-app-key all look the same to the caller.
    if (!key) throw invalidApiKey();
    if (key.kind === 'image' && !appKeysMatch(key.app_key, request.app_key)) throw invalidApiKey();
    if (this.throttle.shouldRecord(key.id, key.last_used_at)) this.recordUse(key.id);
    const principal: Principal = { key_id: key.id, team_id: key.team_id, user_id: key.user_id, kind: key.kind };
    // An AI Image key an admin gave its own limit; otherwise the gateway applies the dialect's.
    if (key.kind === 'kikaku' && key.rate_limit_per_minute !== null)
      principal.rate_limit_per_minute = key.rate_limit_per_minute;
    return principal;
  }

  private recordUse(keyId: string): void {
    this.keys.touchLastUsed(keyId).catch((err: unknown) => {
      this.logger.warn(
        { key_id: keyId, error: err instanceof Error ? err.message : String(err) },
        'Could not record API key use',
      );
    });
  }
}

function invalidApiKey(): DomainError {
  return new DomainError('InvalidApiKey', 'Invalid or revoked API key');
}
