import { Inject, Injectable } from '@nestjs/common';
import { DomainError, S3CredentialsResolved } from '@mp/contracts';
import { APP_CONFIG, RpcClient } from '@mp/platform';
import { GatewayConfig } from '../../app.config';
import { CredentialCache } from '../../auth/credential-cache';

/**
 * The secret and principal of an access key id, from quota-billing, cached for KEY_CACHE_TTL_MS
 * like API keys (a revoked key or rotated pair stops working within it). Secrets stay in memory only.
 */
@Injectable()
export class S3CredentialResolver {
  private readonly cache: CredentialCache<string, S3CredentialsResolved>;

  constructor(
    private readonly rpc: RpcClient,
    @Inject(APP_CONFIG) config: GatewayConfig,
  ) {
    this.cache = new CredentialCache(config.KEY_CACHE_TTL_MS, {
      load: (accessKeyId) => this.rpc.request('billing.s3-credentials.resolve', { access_key_id: accessKeyId }),
      unknownWhen: ['InvalidAccessKeyId', 'ValidationFailed'],
    });
  }

  /** Throws InvalidAccessKeyId for an unknown, rotated-away or revoked access key id. */
  async resolve(accessKeyId: string): Promise<S3CredentialsResolved> {
    const resolved = await this.cache.get(accessKeyId, accessKeyId);
    if (!resolved) {
      throw new DomainError('InvalidAccessKeyId', 'The AWS Access Key Id you provided does not exist in our records.');
    }
    return resolved;
  }
}
