import { Controller, Get, Inject, Req, Res } from '@nestjs/common';
import { DomainError } from '@mp/contracts';
import { APP_CONFIG, LOGGER, RpcClient } from '@mp/platform';
import { ObjectStorage } from '@mp/storage';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Logger } from 'pino';
import { GatewayConfig } from '../app.config';
import { toDomainError } from '../errors/to-domain-error';
import { Dialect } from '../dialects/dialect.decorator';
import { IMAGE_DIALECT } from './image.dialect';
import { sendStoredObject } from '../http/object-responder';
import { PublicImageCache } from './public-image.cache';

const NOT_FOUND = { header: { isSuccessful: false, resultCode: 404, resultMessage: 'No such image.' } };

/**
 * Public image URLs, `{IMAGE_PUBLIC_BASE_URL}/{appKey}/{path}` (no credentials, like a CDN): streamed
 * from object storage with ETag, Last-Modified and Cache-Control, conditional GETs (304/412) and byte ranges. A missing
 * operation result may be produced on request by image-ops (realtime service). Unlike the API, these
 * answer real HTTP statuses (404, 503), since browsers and caches read them.
 */
@Controller('image/files')
@Dialect(IMAGE_DIALECT, { authenticate: false })
export class ImagePublicController {
  constructor(
    private readonly rpc: RpcClient,
    private readonly storage: ObjectStorage,
    @Inject(APP_CONFIG) private readonly config: GatewayConfig,
    @Inject(LOGGER) private readonly logger: Logger,
    private readonly cache: PublicImageCache,
  ) {}

  @Get(':appKey/*')
  async serve(@Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const params = request.params as Record<string, string | undefined>;
    const appKey = params.appKey ?? '';
    const path = `/${params['*'] ?? ''}`;
    try {
      const found = await this.rpc.request('images.public.resolve', { app_key: appKey, path }, { timeoutMs: 60_000 });
      await sendStoredObject(this.storage, request, reply, {
        key: found.object_key,
        contentType: found.content_type,
        etag: found.etag,
        cacheControl: this.config.IMAGE_CACHE_CONTROL,
        openBeforeHead: true,
        cache: { store: this.cache, version: found.etag },
      });
    } catch (err) {
      await this.fail(reply, err);
    }
  }

  private async fail(reply: FastifyReply, err: unknown): Promise<void> {
    const { error, unexpected } = toDomainError(err);
    if (unexpected) this.logger.error({ err }, 'Unexpected error while serving an image');
    const missing = error.code === 'NotFound' || error.code === 'ObjectNotFound' || error.code === 'ValidationFailed';
    const status = missing ? 404 : error.code === 'Timeout' ? 504 : 503;
    const body = missing
      ? NOT_FOUND
      : {
          header: {
            isSuccessful: false,
            resultCode: status,
            resultMessage: error instanceof DomainError ? error.message : 'Unavailable',
          },
        };
    await reply.status(status).header('cache-control', 'no-store').type('application/json').send(body);
  }
}
