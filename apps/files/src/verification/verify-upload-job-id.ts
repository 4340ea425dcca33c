import { createHash } from 'node:crypto';

/** One verification per object version: the same key and ETag never queue twice. */
export function verifyUploadJobId(objectKey: string, etag: string | null): string {
  return `verify-${createHash('sha1')
    .update(`${objectKey}\n${etag ?? ''}`)
    .digest('hex')}`;
}
