import { Inject, Injectable } from '@nestjs/common';
import { ApiKeySummary, RpcParsedRequest } from '@mp/contracts';
import { LOGGER, RpcHandler } from '@mp/platform';
import type { Logger } from 'pino';
import { ApiKeyEntity } from '../api-keys/api-key.entity';
import { toApiKeySummary } from '../api-keys/api-key.mapper';
import { AI_IMAGE_CONFIG, AiImageConfig } from './ai-image.config';
import { aiImageKeyNotFound, notAnAiImageKey } from './ai-image.errors';
import { toAiImageProfile } from './ai-image-profile.mapper';
import { AiImageProfileRepository, ProfileRow } from './ai-image-profile.repository';
import { ImageQuotaRepository } from './image-quota.repository';

/** `billing.key.update` (admin PATCH of a kikaku key's profile) and the profiles shown in key listings. */
@Injectable()
export class AiImageKeyService {
  constructor(
    private readonly profiles: AiImageProfileRepository,
    private readonly quota: ImageQuotaRepository,
    @Inject(AI_IMAGE_CONFIG) private readonly config: AiImageConfig,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  @RpcHandler('billing.key.update')
  async update(request: RpcParsedRequest<'billing.key.update'>): Promise<ApiKeySummary> {
    const { team_id: teamId, key_id: keyId, ...patch } = request;
    const key = await this.profiles.findKey(teamId, keyId);
    if (!key) throw aiImageKeyNotFound(keyId);
    if (key.kind !== 'kikaku') throw notAnAiImageKey(keyId, key.kind);
    await this.profiles.ensure(teamId, keyId);
    await this.quota.releaseLapsed(keyId);
    const row = await this.profiles.update(teamId, keyId, patch);
    if (!row) throw aiImageKeyNotFound(keyId);
    this.logger.info({ key_id: keyId, team_id: teamId, fields: Object.keys(patch) }, 'AI Image key profile updated');
    return toApiKeySummary(key, toAiImageProfile(row, this.config.AI_IMAGE_DEFAULT_QUOTA));
  }

  /** The listing of a team's keys, kikaku ones with their profile. */
  async withProfiles(teamId: string, keys: ApiKeyEntity[]): Promise<ApiKeySummary[]> {
    const rows = keys.some((k) => k.kind === 'kikaku') ? await this.profiles.listByTeam(teamId) : [];
    const byKey = new Map<string, ProfileRow>(rows.map((r) => [r.keyId, r]));
    return keys.map((key) =>
      key.kind === 'kikaku'
        ? toApiKeySummary(key, toAiImageProfile(byKey.get(key.id) ?? null, this.config.AI_IMAGE_DEFAULT_QUOTA))
        : toApiKeySummary(key),
    );
  }
}
