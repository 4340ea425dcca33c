import { Body, Controller, Delete, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import {
  DetachMediaResult,
  IngestMediaBody,
  ingestMediaBodySchema,
  IngestMediaResult,
  listMediaAttachmentsQuerySchema,
  MediaAttachmentList,
} from '@mp/contracts';
import { RpcClient } from '@mp/platform';
import { z } from 'zod';
import { CurrentMediaUser, MediaPrincipal } from './media-principal';
import { MediaValidationPipe } from './media-validation.pipe';
import { Dialect } from '../dialects/dialect.decorator';
import { MEDIA_API_DIALECT } from './media-api.dialect';

const attachmentIdSchema = z.uuid({ error: 'attachment_id must be a UUID' });

/** Seed 003 media resources: temp uploads become content-addressed resources linked to entities. */
@Controller('api/v1/media-resources')
@Dialect(MEDIA_API_DIALECT)
export class MediaResourcesController {
  constructor(private readonly rpc: RpcClient) {}

  @Post('ingest')
  @HttpCode(200)
  ingest(
    @CurrentMediaUser() user: MediaPrincipal,
    @Body(new MediaValidationPipe(ingestMediaBodySchema)) body: IngestMediaBody,
  ): Promise<IngestMediaResult> {
    return this.rpc.request('files.media-resource.ingest', { ...body, team_id: user.team_id, user_id: user.user_id });
  }

  @Get('attachments')
  list(
    @CurrentMediaUser() user: MediaPrincipal,
    @Query(new MediaValidationPipe(listMediaAttachmentsQuerySchema, 'query'))
    query: z.infer<typeof listMediaAttachmentsQuerySchema>,
  ): Promise<MediaAttachmentList> {
    return this.rpc.request('files.media-attachment.list', { ...query, team_id: user.team_id });
  }

  @Delete('attachments/:attachment_id')
  detach(
    @CurrentMediaUser() user: MediaPrincipal,
    @Param('attachment_id', new MediaValidationPipe(attachmentIdSchema, 'path')) attachmentId: string,
  ): Promise<DetachMediaResult> {
    return this.rpc.request('files.media-attachment.detach', { team_id: user.team_id, attachment_id: attachmentId });
  }
}
