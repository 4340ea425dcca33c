import { Module } from '@nestjs/common';
import { RateLimitModule } from '../rate-limit/rate-limit.module';
import { S3ApiModule } from '../s3-api/s3-api.module';
import { S3FilesService } from './s3-files.service';
import { S3ProxyController } from './s3-proxy.controller';
import { S3UploadService } from './s3-upload.service';

/** Seed 002's S3 storage proxy: uploads, listing, downloads and deletes under a per-key quota. */
@Module({
  imports: [RateLimitModule, S3ApiModule],
  controllers: [S3ProxyController],
  providers: [S3UploadService, S3FilesService],
})
export class S3ProxyModule {}
