import { Inject, Injectable } from '@nestjs/common';
import { RpcParsedRequest, RpcResponse } from '@mp/contracts';
import { RpcHandler } from '@mp/platform';
import { AI_IMAGE_CONFIG, AiImageConfig } from './ai-image.config';
import { aiImageKeyNotFound } from './ai-image.errors';
import { effectiveStatus, remainingImages, toAiImageProfile } from './ai-image-profile.mapper';
import { AiImageProfileRepository } from './ai-image-profile.repository';
import { ImageHistoryRepository } from './image-history.repository';
import { ImageQuotaRepository } from './image-quota.repository';

/** `billing.images.usage|logs|gallery`: what `GET /v1/usage`, `/v1/logs` and `/v1/gallery` show a kikaku key. */
@Injectable()
export class ImageUsageService {
  constructor(
    private readonly profiles: AiImageProfileRepository,
    private readonly quota: ImageQuotaRepository,
    private readonly history: ImageHistoryRepository,
    @Inject(AI_IMAGE_CONFIG) private readonly config: AiImageConfig,
  ) {}

  @RpcHandler('billing.images.usage')
  async usage(request: RpcParsedRequest<'billing.images.usage'>): Promise<RpcResponse<'billing.images.usage'>> {
    const key = await this.profiles.findKey(request.team_id, request.key_id);
    if (!key || key.kind !== 'kikaku') throw aiImageKeyNotFound(request.key_id);
    await this.quota.releaseLapsed(request.key_id);
    const [row, stats] = await Promise.all([
      this.profiles.read(request.team_id, request.key_id),
      this.history.stats(request.team_id, request.key_id),
    ]);
    const profile = toAiImageProfile(row, this.config.AI_IMAGE_DEFAULT_QUOTA);
    return {
      owner_name: profile.owner_name,
      email: profile.email,
      quota_limit: profile.quota_limit,
      used_count: profile.used_count,
      remaining: remainingImages(profile),
      status: effectiveStatus(profile, new Date()),
      created_at: key.created_at.toISOString(),
      expires_at: profile.expires_at,
      stats: {
        total_requests: stats.total,
        successful_requests: stats.successful,
        failed_requests: stats.failed,
        avg_response_time_ms: stats.avgResponseTimeMs,
      },
    };
  }

  @RpcHandler('billing.images.logs')
  async logs(request: RpcParsedRequest<'billing.images.logs'>): Promise<RpcResponse<'billing.images.logs'>> {
    const { rows, total } = await this.history.logs(
      request.team_id,
      request.key_id,
      { from: request.from, until: request.until },
      request,
    );
    return {
      logs: rows.map((r) => ({
        id: Number(r.id),
        model: r.model,
        timestamp: r.occurred_at.toISOString(),
        status: r.status,
        response_time_ms: r.response_time_ms,
        error_message: r.error_message,
      })),
      pagination: { page: request.page, limit: request.limit, total },
    };
  }

  @RpcHandler('billing.images.gallery')
  async gallery(request: RpcParsedRequest<'billing.images.gallery'>): Promise<RpcResponse<'billing.images.gallery'>> {
    const { rows, total } = await this.history.gallery(request.team_id, request.key_id, request);
    return {
      images: rows.map((r) => ({
        id: Number(r.id),
        prompt: r.prompt,
        model: r.model,
        object_key: r.object_key,
        image_size: r.size_label,
        created_at: r.created_at.toISOString(),
      })),
      pagination: { page: request.page, limit: request.limit, total },
    };
  }
}
