import { Inject, Injectable } from '@nestjs/common';
import { CreatedApiKey, DomainError, RpcParsedRequest, RpcResponse } from '@mp/contracts';
import { LOGGER, RpcHandler } from '@mp/platform';
import type { Logger } from 'pino';
import { FOREIGN_KEY_VIOLATION, RedactedQueryError, UNIQUE_VIOLATION } from '../database/query-errors';
import { AiImageKeyService } from '../ai-image/ai-image-key.service';
import { S3CredentialsService } from '../s3-credentials/s3-credentials.service';
import { teamNotFound, TeamService } from '../teams/team.service';
import { generateKeyMaterial } from './api-key-secrets';
import { toApiKeySummary } from './api-key.mapper';
import { ApiKeyRepository } from './api-key.repository';

/** A fresh secret colliding with a stored one is astronomically unlikely; a few draws settle it. */
const CREATE_ATTEMPTS = 3;

/** `billing.key.create|list|revoke`: issuing keys (plaintext shown once) and retiring them. */
@Injectable()
export class ApiKeyService {
  constructor(
    private readonly keys: ApiKeyRepository,
    private readonly teams: TeamService,
    private readonly aiImageKeys: AiImageKeyService,
    @Inject(LOGGER) private readonly logger: Logger,
    private readonly s3Credentials: S3CredentialsService,
  ) {}

  @RpcHandler('billing.key.create')
  async create(request: RpcParsedRequest<'billing.key.create'>): Promise<CreatedApiKey> {
    for (let attempt = 1; ; attempt++) {
      const material = generateKeyMaterial(request.kind);
      try {
        const key = await this.keys.insert({
          team_id: request.team_id,
          user_id: request.user_id ?? null,
          kind: request.kind,
          name: request.name ?? null,
          key_hash: material.key_hash,
          hint: material.hint,
          app_key: material.app_key,
        });
        this.logger.info({ key_id: key.id, team_id: key.team_id, kind: key.kind }, 'API key created');
        if (key.kind === 'kikaku_s3') await this.issueS3Credentials(key.id);
        return {
          id: key.id,
          kind: key.kind,
          name: key.name,
          ...material.reveal,
          created_at: key.created_at.toISOString(),
        };
      } catch (err) {
        if (!(err instanceof RedactedQueryError)) throw err;
        if (err.code === FOREIGN_KEY_VIOLATION) {
          if (err.constraint === 'api_keys_user_fk') {
            throw new DomainError('NotFound', 'User not found in this team', {
              team_id: request.team_id,
              user_id: request.user_id,
            });
          }
          throw teamNotFound(request.team_id);
        }
        if (err.code === UNIQUE_VIOLATION && attempt < CREATE_ATTEMPTS) continue;
        throw err;
      }
    }
  }

  /** Best effort: a key whose pair could not be issued now gets it on first use. */
  private async issueS3Credentials(keyId: string): Promise<void> {
    try {
      await this.s3Credentials.issue(keyId);
    } catch (err) {
      this.logger.warn(
        { key_id: keyId, error: err instanceof Error ? err.message : String(err) },
        'S3 credentials not issued',
      );
    }
  }

  @RpcHandler('billing.key.list')
  async list(request: RpcParsedRequest<'billing.key.list'>): Promise<RpcResponse<'billing.key.list'>> {
    const [keys] = await Promise.all([this.keys.listByTeam(request.team_id), this.teams.assertExists(request.team_id)]);
    return { keys: await this.aiImageKeys.withProfiles(request.team_id, keys) };
  }

  /** Idempotent: revoking a revoked key returns it unchanged. Another team's key is not found. */
  @RpcHandler('billing.key.revoke')
  async revoke(request: RpcParsedRequest<'billing.key.revoke'>): Promise<RpcResponse<'billing.key.revoke'>> {
    const key = await this.keys.revoke(request.team_id, request.key_id);
    if (!key) throw new DomainError('ApiKeyNotFound', 'API key not found', { key_id: request.key_id });
    this.logger.info({ key_id: key.id, team_id: key.team_id }, 'API key revoked');
    return key.kind === 'kikaku' ? (await this.aiImageKeys.withProfiles(key.team_id, [key]))[0] : toApiKeySummary(key);
  }
}
