import { S3Client } from '@aws-sdk/client-s3';
import { Agent as HttpAgent } from 'node:http';
import { Agent as HttpsAgent } from 'node:https';
import { StorageConfig } from './storage-config';

/** Connections to the store kept open per client, reused across requests. */
export const MAX_SOCKETS = 50;

/**
 * An S3 client for one endpoint, reusing its connections (keep-alive). Checksums only where an
 * operation requires one: otherwise the SDK frames streamed bodies in aws-chunked checksum
 * trailers (stored verbatim by the embedded server) and puts checksum parameters into presigned
 * PUT URLs.
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
    requestHandler: {
      httpAgent: new HttpAgent({ keepAlive: true, maxSockets: MAX_SOCKETS }),
      httpsAgent: new HttpsAgent({ keepAlive: true, maxSockets: MAX_SOCKETS }),
    },
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  });
}
