import { Body, Controller, HttpCode, Post, Req } from '@nestjs/common';
import {
  CreateUploadUrlBody,
  createUploadUrlBodySchema,
  FileSearchBody,
  fileSearchBodySchema,
  FileSearchResult,
  Principal,
  UploadUrlResponse,
} from '@mp/contracts';
import { RpcClient } from '@mp/platform';
import type { FastifyRequest } from 'fastify';
import { CurrentPrincipal } from '../auth/principal.decorator';
import { Dialect } from '../dialects/dialect.decorator';
import { STORAGE_DIALECT } from './storage.dialect';
import { ZodPipe } from '../http/zod-validation.pipe';

/** Storage API (seed 000) under /v1/files, authenticated by `X-API-Key: cdt_…`. */
@Controller('v1/files')
@Dialect(STORAGE_DIALECT)
export class StorageFilesController {
  constructor(private readonly rpc: RpcClient) {}

  @Post('upload-url')
  @HttpCode(200)
  createUploadUrl(
    @CurrentPrincipal() principal: Principal,
    @Body(new ZodPipe(createUploadUrlBodySchema)) body: CreateUploadUrlBody,
    @Req() request: FastifyRequest,
  ): Promise<UploadUrlResponse> {
    return this.rpc.request('files.upload.create', {
      ...body,
      team_id: principal.team_id,
      user_id: principal.user_id,
      upload_ip: request.ip ?? null,
    });
  }

  @Post('storage/search')
  @HttpCode(200)
  search(
    @CurrentPrincipal() principal: Principal,
    @Body(new ZodPipe(fileSearchBodySchema)) body: FileSearchBody,
  ): Promise<FileSearchResult> {
    return this.rpc.request('search.files.query', { ...body, team_id: principal.team_id });
  }
}
