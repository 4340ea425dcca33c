import { Inject, Injectable } from '@nestjs/common';
import { DomainError, RpcParsedRequest, RpcResponse, S3_ACCESS_KEY_ID_PATTERN, S3Credentials } from '@mp/contracts';
import { LOGGER, RpcHandler, SecretCipher } from '@mp/platform';
import type { Logger } from 'pino';
import { FOREIGN_KEY_VIOLATION, RedactedQueryError, UNIQUE_VIOLATION } from '../database/query-errors';
import { generateS3Credentials } from './s3-credential-material';
import { S3_SECRET_CIPHER } from './s3-credentials.config';
import { S3CredentialsRepository, StoredS3Credentials } from './s3-credentials.repository';

/** A fresh access key id colliding with a stored one is astronomically unlikely; a few draws settle it. */
const ATTEMPTS = 3;

const invalidAccessKeyId = () =>
  new DomainError('InvalidAccessKeyId', 'The AWS Access Key Id you provided does not exist in our records.');

/**
 * `billing.s3-credentials.get|rotate|resolve`: the SigV4 key pair of each `kikaku_s3` key, issued
 * when the key is created (or on first use for older keys), rotated by the admin API, resolved by
 * access key id for signature checks. Secrets are sealed at rest and never logged.
 */
@Injectable()
export class S3CredentialsService {
  constructor(
    private readonly credentials: S3CredentialsRepository,
    @Inject(S3_SECRET_CIPHER) private readonly cipher: SecretCipher,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  /** Issues the pair of a key just created; without a master key nothing is issued (first use will). */
  async issue(keyId: string): Promise<void> {
    if (!this.cipher.encrypts) return;
    await this.store(keyId, 'insert');
    this.logger.info({ key_id: keyId }, 'S3 credentials issued');
  }

  @RpcHandler('billing.s3-credentials.get')
  async get(request: RpcParsedRequest<'billing.s3-credentials.get'>): Promise<S3Credentials> {
    await this.assertStorageKey(request.team_id, request.key_id);
    const stored = (await this.credentials.find(request.key_id)) ?? (await this.store(request.key_id, 'insert'));
    return this.reveal(stored);
  }

  @RpcHandler('billing.s3-credentials.rotate')
  async rotate(request: RpcParsedRequest<'billing.s3-credentials.rotate'>): Promise<S3Credentials> {
    await this.assertStorageKey(request.team_id, request.key_id);
    const stored = await this.store(request.key_id, 'replace');
    this.logger.info({ key_id: request.key_id, team_id: request.team_id }, 'S3 credentials rotated');
    return this.reveal(stored);
  }

  @RpcHandler('billing.s3-credentials.resolve')
  async resolve(
    request: RpcParsedRequest<'billing.s3-credentials.resolve'>,
  ): Promise<RpcResponse<'billing.s3-credentials.resolve'>> {
    if (!S3_ACCESS_KEY_ID_PATTERN.test(request.access_key_id)) throw invalidAccessKeyId();
    const row = await this.credentials.resolve(request.access_key_id);
    if (!row || row.kind !== 'kikaku_s3') throw invalidAccessKeyId();
    return {
      secret_access_key: this.cipher.open(row.sealed_secret),
      principal: { key_id: row.key_id, team_id: row.team_id, user_id: row.user_id, kind: 'kikaku_s3' },
    };
  }

  private async store(keyId: string, mode: 'insert' | 'replace'): Promise<StoredS3Credentials> {
    if (!this.cipher.encrypts) {
      throw new DomainError(
        'DependencyUnavailable',
        'S3 credentials are not configured on this deployment (S3_CREDENTIALS_MASTER_KEY is not set)',
      );
    }
    for (let attempt = 1; ; attempt++) {
      const fresh = generateS3Credentials();
      const sealed = this.cipher.seal(fresh.secretAccessKey);
      try {
        return mode === 'insert'
          ? await this.credentials.insertIfAbsent(keyId, fresh.accessKeyId, sealed)
          : await this.credentials.replace(keyId, fresh.accessKeyId, sealed);
      } catch (err) {
        if (!(err instanceof RedactedQueryError)) throw err;
        if (err.code === FOREIGN_KEY_VIOLATION) throw keyNotFound(keyId);
        if (err.code === UNIQUE_VIOLATION && attempt < ATTEMPTS) continue;
        throw err;
      }
    }
  }

  private reveal(stored: StoredS3Credentials): S3Credentials {
    return {
      key_id: stored.key_id,
      access_key_id: stored.access_key_id,
      secret_access_key: this.cipher.open(stored.sealed_secret),
      created_at: new Date(stored.created_at).toISOString(),
    };
  }

  private async assertStorageKey(teamId: string, keyId: string): Promise<void> {
    const kind = await this.credentials.activeKeyKind(teamId, keyId);
    if (kind === null) throw keyNotFound(keyId);
    if (kind !== 'kikaku_s3') {
      throw new DomainError(
        'ValidationFailed',
        `key_id: S3 credentials belong to kikaku_s3 keys; this is a ${kind} key`,
        {
          key_kind: kind,
        },
      );
    }
  }
}

function keyNotFound(keyId: string): DomainError {
  return new DomainError('ApiKeyNotFound', 'API key not found', { key_id: keyId });
}
