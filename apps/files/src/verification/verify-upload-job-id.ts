import { createHash } from 'node:crypto';

/**
 * One verification per object version: the same key and ETag never queue twice. `seen` (when the
 * version was written) tells apart two writes of the same bytes, as a re-used upload form makes.
 */
export function verifyUploadJobId(objectKey: string, etag: string | null, seen?: string): string {
  return `verify-${createHash('sha1')
    .update(`${objectKey}\n${etag ?? ''}${seen === undefined ? '' : `\n${seen}`}`)
    .digest('hex')}`;
}
