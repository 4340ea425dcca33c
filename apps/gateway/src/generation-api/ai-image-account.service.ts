import { Inject, Injectable } from '@nestjs/common';
import {
  AiImageGalleryPage,
  AiImageGalleryQuery,
  AiImageLogsPage,
  AiImageLogsQuery,
  AiImageUsage,
  parseDateBound,
  Principal,
} from '@mp/contracts';
import { RpcClient } from '@mp/platform';
import { ObjectStorage } from '@mp/storage';
import { GENERATION_API_CONFIG, GenerationApiConfig } from './generation-api.config';

/** `GET /v1/usage`, `/v1/logs`, `/v1/gallery` of the calling kikaku key, read from quota-billing. */
@Injectable()
export class AiImageAccountService {
  constructor(
    private readonly rpc: RpcClient,
    private readonly storage: ObjectStorage,
    @Inject(GENERATION_API_CONFIG) private readonly config: GenerationApiConfig,
  ) {}

  usage(principal: Principal): Promise<AiImageUsage> {
    return this.rpc.request('billing.images.usage', { team_id: principal.team_id, key_id: principal.key_id });
  }

  /** `start_date` from the start of that day (UTC), `end_date` through the end of it; timestamps are instants. */
  logs(principal: Principal, query: AiImageLogsQuery): Promise<AiImageLogsPage> {
    const start = query.start_date === undefined ? null : parseDateBound(query.start_date);
    const end = query.end_date === undefined ? null : parseDateBound(query.end_date);
    return this.rpc.request('billing.images.logs', {
      team_id: principal.team_id,
      key_id: principal.key_id,
      from: start?.start.toISOString(),
      until: end?.endExclusive.toISOString(),
      page: query.page,
      limit: query.limit,
    });
  }

  async gallery(principal: Principal, query: AiImageGalleryQuery): Promise<AiImageGalleryPage> {
    const page = await this.rpc.request('billing.images.gallery', {
      team_id: principal.team_id,
      key_id: principal.key_id,
      page: query.page,
      limit: query.limit,
    });
    const images = await Promise.all(
      page.images.map(async ({ object_key, ...image }) => ({
        id: image.id,
        prompt: image.prompt,
        model: image.model,
        s3_url: await this.storage.presignGet({
          key: object_key,
          contentType: 'image/jpeg',
          expiresInSeconds: this.config.AI_IMAGE_GALLERY_URL_TTL_SECONDS,
        }),
        image_size: image.image_size,
        created_at: image.created_at,
      })),
    );
    return { images, pagination: page.pagination };
  }
}
