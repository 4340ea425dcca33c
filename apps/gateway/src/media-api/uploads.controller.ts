import { Body, Controller, HttpCode, Inject, Post, Req } from '@nestjs/common';
import {
  DomainError,
  LoraUploadResponse,
  PresignedUrlRequest,
  presignedUrlRequestSchema,
  PresignedUrlResponse,
} from '@mp/contracts';
import { APP_CONFIG, RpcClient } from '@mp/platform';
import type { FastifyRequest } from 'fastify';
import { GatewayConfig } from '../app.config';
import { NOT_ENOUGH_PRIVILEGES } from './export-config-access.service';
import { LoraUploadReceiver } from './lora-upload.receiver';
import { CurrentMediaUser, MediaPrincipal } from './media-principal';
import { MediaValidationPipe } from './media-validation.pipe';
import { fileServingUrl, publicBaseUrl } from './public-base-url';
import { Dialect } from '../dialects/dialect.decorator';
import { MEDIA_API_DIALECT } from './media-api.dialect';

/**
 * Seed 003 uploads: `POST /api/v1/uploads/presigned-url` (a PUT straight to object storage, content type
 * bound) and the superuser-only `POST /api/v1/uploads/admin/upload-lora` (multipart, streamed to the store).
 */
@Controller('api/v1/uploads')
@Dialect(MEDIA_API_DIALECT)
export class MediaUploadsController {
  constructor(
    private readonly rpc: RpcClient,
    @Inject(APP_CONFIG) private readonly config: GatewayConfig,
    private readonly loras: LoraUploadReceiver,
  ) {}

  @Post('presigned-url')
  @HttpCode(200)
  async presignedUrl(
    @CurrentMediaUser() user: MediaPrincipal,
    @Body(new MediaValidationPipe(presignedUrlRequestSchema)) body: PresignedUrlRequest,
    @Req() request: FastifyRequest,
  ): Promise<PresignedUrlResponse> {
    const session = await this.rpc.request('files.media-upload.create', {
      ...body,
      team_id: user.team_id,
      user_id: user.user_id,
    });
    return {
      upload_url: session.upload_url,
      file_url: fileServingUrl(publicBaseUrl(this.config, request), session.object_key),
      upload_method: session.upload_method,
      expires_in_seconds: session.expires_in_seconds,
      max_file_size: session.max_file_size,
    };
  }

  @Post('admin/upload-lora')
  @HttpCode(200)
  async uploadLora(
    @CurrentMediaUser() user: MediaPrincipal,
    @Req() request: FastifyRequest,
  ): Promise<LoraUploadResponse> {
    if (!user.is_superuser) throw new DomainError('Forbidden', NOT_ENOUGH_PRIVILEGES);
    const lora = await this.loras.receive(request, user.team_id);
    return {
      object_key: lora.objectKey,
      file_url: fileServingUrl(publicBaseUrl(this.config, request), lora.objectKey),
      filename: lora.filename,
      size: lora.size,
      content_type: lora.contentType,
    };
  }
}
