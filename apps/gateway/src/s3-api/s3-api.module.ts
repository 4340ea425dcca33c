import { Module } from '@nestjs/common';
import { RateLimitModule } from '../rate-limit/rate-limit.module';
import { MultipartSweeper } from './multipart-sweeper';
import { S3ApiRouter } from './s3-api.router';
import { S3ClientCredentialsService } from './s3-client-credentials.service';
import { S3BucketOperations } from './s3-bucket-operations.service';
import { S3MultipartOperations } from './s3-multipart-operations.service';
import { S3ObjectOperations } from './s3-object-operations.service';
import { S3ObjectWriter } from './s3-object-writer';
import { S3CredentialResolver } from './sigv4/s3-credential-resolver';

/** Seed 002's S3 Storage keys over the S3 protocol (`/s3-api`, SigV4): the AWS CLI, boto3 and the AWS SDKs. */
@Module({
  imports: [RateLimitModule],
  providers: [
    S3CredentialResolver,
    S3ObjectWriter,
    S3BucketOperations,
    S3ObjectOperations,
    S3MultipartOperations,
    MultipartSweeper,
    S3ApiRouter,
    S3ClientCredentialsService,
  ],
  exports: [S3ClientCredentialsService],
})
export class S3ApiModule {}
