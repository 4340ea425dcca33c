import type { IncomingMessage } from 'node:http';
import { formBoundary } from './form-fields.parser';

/**
 * How the embedded server treats a request before s3rver sees it. s3rver serves anonymous
 * requests as if every bucket were public-read-write and never checks browser-form uploads;
 * the buckets here are private, like on S3 or MinIO.
 */
export type RequestGate =
  /** Signed (s3rver verifies the signature) or a CORS preflight. */
  | { kind: 'pass' }
  /** A browser-form upload (POST Object): its policy signature must be checked first. */
  | { kind: 'form-upload'; bucket: string; boundary: string }
  | { kind: 'anonymous' };

export function gateRequest(req: IncomingMessage, url: URL): RequestGate {
  const signed =
    'authorization' in req.headers || url.searchParams.has('X-Amz-Algorithm') || url.searchParams.has('Signature');
  if (signed || req.method === 'OPTIONS') return { kind: 'pass' };
  const bucket = /^\/([^/]+)\/?$/.exec(url.pathname)?.[1];
  const boundary = formBoundary(req.headers['content-type']);
  if (req.method === 'POST' && bucket && boundary && [...url.searchParams.keys()].length === 0) {
    return { kind: 'form-upload', bucket: decodeURIComponent(bucket), boundary };
  }
  return { kind: 'anonymous' };
}
