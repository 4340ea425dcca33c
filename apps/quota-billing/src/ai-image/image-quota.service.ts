import { Inject, Injectable } from '@nestjs/common';
import { DomainError, RpcParsedRequest, RpcResponse } from '@mp/contracts';
import { RpcHandler } from '@mp/platform';
import { AI_IMAGE_CONFIG, AiImageConfig } from './ai-image.config';
import {
  aiImageKeyNotFound,
  imageQuotaExhausted,
  keyExpired,
  keySuspended,
  reservationNotFound,
} from './ai-image.errors';
import { AiImageProfileRepository } from './ai-image-profile.repository';
import { ImageQuotaRepository } from './image-quota.repository';

/**
 * `billing.images.reserve|settle`: a generation holds its images before the provider is called and
 * is charged for the delivered ones after it. Both are idempotent on the request id; a reservation
 * never settled lapses after AI_IMAGE_RESERVATION_TTL_SECONDS and gives its images back.
 */
@Injectable()
export class ImageQuotaService {
  constructor(
    private readonly quota: ImageQuotaRepository,
    private readonly profiles: AiImageProfileRepository,
    @Inject(AI_IMAGE_CONFIG) private readonly config: AiImageConfig,
  ) {}

  @RpcHandler('billing.images.reserve')
  async reserve(request: RpcParsedRequest<'billing.images.reserve'>): Promise<RpcResponse<'billing.images.reserve'>> {
    if (!(await this.profiles.ensure(request.team_id, request.key_id))) throw aiImageKeyNotFound(request.key_id);
    const outcome = await this.quota.reserve({
      teamId: request.team_id,
      keyId: request.key_id,
      requestId: request.request_id,
      images: request.images,
      defaultQuota: this.config.AI_IMAGE_DEFAULT_QUOTA,
      ttlSeconds: this.config.AI_IMAGE_RESERVATION_TTL_SECONDS,
    });
    if (outcome.kind === 'refused') throw await this.refusal(request);
    return { request_id: request.request_id, reserved_images: outcome.images, created: outcome.kind === 'reserved' };
  }

  @RpcHandler('billing.images.settle')
  async settle(request: RpcParsedRequest<'billing.images.settle'>): Promise<RpcResponse<'billing.images.settle'>> {
    const settled = await this.quota.settle(request.team_id, request.key_id, request.request_id, request.delivered);
    if (!settled) throw reservationNotFound(request.request_id);
    return {
      request_id: request.request_id,
      billed_images: settled.billed,
      refunded_images: settled.before.images - settled.billed,
      settled_now: settled.before.state !== 'settled',
    };
  }

  /** Why the admission failed, read after it: suspended, expired, or not enough images left. */
  private async refusal(request: RpcParsedRequest<'billing.images.reserve'>): Promise<DomainError> {
    const row = await this.profiles.read(request.team_id, request.key_id);
    if (!row) return aiImageKeyNotFound(request.key_id);
    if (row.status === 'suspended') return keySuspended();
    if (row.expiresAt !== null && row.expiresAt.getTime() <= Date.now()) return keyExpired(row.expiresAt);
    return imageQuotaExhausted(
      row.quotaLimit ?? this.config.AI_IMAGE_DEFAULT_QUOTA,
      row.used,
      row.reserved,
      request.images,
    );
  }
}
