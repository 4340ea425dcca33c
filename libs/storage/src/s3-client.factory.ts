import { S3Client } from '@aws-sdk/client-s3';
import { StorageConfig } from './storage-config';

/**
 * An S3 client for one endpoint. Checksums only where an operation requires one: otherwise the
 * SDK frames streamed bodies in aws-chunked checksum trailers (stored verbatim by the embedded
 * server) and puts checksum parameters into presigned PUT URLs.
 */
export function createS3Client(config: StorageConfig, endpoint: string): S3Client {
  return new S3Client({
    endpoint,
    region: config.region,
    forcePathStyle: config.forcePathStyle,
    credentials: {
      accessKeyId: config.accessKeyId,
      secretAccessKey: config.secretAccessKey,
      sessionToken: config.sessionToken,
    },
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  });
}
