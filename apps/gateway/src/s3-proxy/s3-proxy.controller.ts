import { Controller, Delete, Get, Head, HttpCode, Post, Req, Res } from '@nestjs/common';
import {
  Principal,
  S3ClientCredentials,
  S3DeleteResult,
  S3FileList,
  S3UploadResult,
  StorageUsage,
} from '@mp/contracts';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { CurrentPrincipal } from '../auth/principal.decorator';
import { S3FilesService } from './s3-files.service';
import { parseListQuery } from './s3-list-query';
import { S3UploadService } from './s3-upload.service';
import { Dialect } from '../dialects/dialect.decorator';
import { S3_PROXY_DIALECT } from './s3-proxy.dialect';
import { S3ClientCredentialsService } from '../s3-api/s3-client-credentials.service';

/** The `{key}` of `/s3/files/{key}`: everything after `files/`, slashes included, URL-decoded. */
const wildcardKey = (request: FastifyRequest) => (request.params as Record<string, string | undefined>)['*'] ?? '';

/** S3 storage proxy (seed 002) under /s3, authenticated by `Authorization: Bearer kikaku_s3_…`. */
@Controller('s3')
@Dialect(S3_PROXY_DIALECT)
export class S3ProxyController {
  constructor(
    private readonly uploads: S3UploadService,
    private readonly files: S3FilesService,
    private readonly credentials: S3ClientCredentialsService,
  ) {}

  @Post('upload')
  @HttpCode(200)
  upload(@CurrentPrincipal() principal: Principal, @Req() request: FastifyRequest): Promise<S3UploadResult> {
    return this.uploads.upload(principal, request);
  }

  @Get('files')
  list(@CurrentPrincipal() principal: Principal, @Req() request: FastifyRequest): Promise<S3FileList> {
    return this.files.list(principal, parseListQuery(request.query as Record<string, unknown>));
  }

  /** Declared before the GET: Fastify only lets an explicit HEAD route replace the one it derives from a GET that way. */
  @Head('files/*')
  headObject(
    @CurrentPrincipal() principal: Principal,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    return this.files.download(principal, wildcardKey(request), request, reply);
  }

  @Get('files/*')
  download(
    @CurrentPrincipal() principal: Principal,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    return this.files.download(principal, wildcardKey(request), request, reply);
  }

  @Delete('files/*')
  remove(@CurrentPrincipal() principal: Principal, @Req() request: FastifyRequest): Promise<S3DeleteResult> {
    return this.files.delete(principal, wildcardKey(request));
  }

  /** The key's S3-protocol credentials (seed 002's five values: endpoint, region, bucket, access key, secret). */
  @Get('credentials')
  s3Credentials(
    @CurrentPrincipal() principal: Principal,
    @Req() request: FastifyRequest,
  ): Promise<S3ClientCredentials> {
    return this.credentials.get(principal, request);
  }

  @Get('usage')
  usage(@CurrentPrincipal() principal: Principal): Promise<StorageUsage> {
    return this.files.usage(principal);
  }
}
