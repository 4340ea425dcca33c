import { DomainError } from '@mp/contracts';
import type { FastifyRequest } from 'fastify';
import type { Readable } from 'node:stream';
import { declaredLength } from '../http/request-body';
import { BodyChecks } from './body-checks.stream';
import { requestedChecksums } from './requested-checksums';
import { header } from './s3-request.context';
import { AwsChunkedDecoder } from './sigv4/aws-chunked.decoder';
import type { PayloadMode } from './sigv4/sigv4-verifier';

/** A request body decoded and checked as it streams, and the payload length the request declared. */
export interface S3Body {
  stream: Readable;
  checks: BodyChecks;
  length: number;
}

export interface S3BodyOptions {
  /** The body's MD5 is wanted (a part's ETag): `checks.md5Hex` once it has ended. */
  md5?: boolean;
  /**
   * The request's `x-amz-checksum-*` headers are of another thing than its body (those of
   * CompleteMultipartUpload are the object's): they are not checked against the body.
   */
  checksumHeadersOfObject?: boolean;
}

/** The payload length: x-amz-decoded-content-length of an aws-chunked body, else Content-Length (required). */
export function payloadLength(request: FastifyRequest, payload: PayloadMode): number {
  const raw = payload.kind === 'aws-chunked' ? header(request, 'x-amz-decoded-content-length') : undefined;
  const length =
    payload.kind === 'aws-chunked'
      ? raw !== undefined && /^\d+$/.test(raw)
        ? Number(raw)
        : undefined
      : declaredLength(request.raw);
  if (length === undefined || !Number.isSafeInteger(length)) {
    throw new DomainError('ValidationFailed', 'You must provide the Content-Length HTTP header.', {
      s3_code: 'MissingContentLength',
    });
  }
  return length;
}

/**
 * The payload of a request as a stream: aws-chunked framing removed (chunk signatures checked),
 * then its length, Content-MD5, signed SHA-256 and `x-amz-checksum-*` (header or trailer)
 * verified at its end — a failing body errors before it ends, so nothing is stored from it.
 */
export function openS3Body(request: FastifyRequest, payload: PayloadMode, options: S3BodyOptions = {}): S3Body {
  const length = payloadLength(request, payload);
  const { checksums, trailing } = requestedChecksums(request, options);
  const checks = new BodyChecks({
    length,
    contentMd5: header(request, 'content-md5'),
    computeMd5: options.md5,
    sha256Hex: payload.kind === 'sha256' ? payload.hash : undefined,
    checksums,
    trailing,
  });
  // Piped, not pipelined: a refused body must not destroy the request, whose socket still carries the answer.
  const fail = (err: Error) => checks.destroy(err);
  // A small body can fail its checks before its consumer is attached (while the quota is asked):
  // the error stays on the stream (`errored`), which its consumer's pipeline then reports.
  checks.on('error', () => undefined);
  request.raw.once('error', fail);
  if (payload.kind === 'aws-chunked') {
    const decoder = new AwsChunkedDecoder(payload.signing, (trailers) => checks.expectChecksums(trailers));
    decoder.once('error', fail);
    request.raw.pipe(decoder).pipe(checks);
  } else {
    request.raw.pipe(checks);
  }
  return { stream: checks, checks, length };
}

/** Reads a small body (an XML document) whole, refusing more than `maxBytes`. */
export async function readSmallBody(
  request: FastifyRequest,
  payload: PayloadMode,
  maxBytes: number,
  options: S3BodyOptions = {},
): Promise<Buffer> {
  const length = payloadLength(request, payload);
  if (length > maxBytes) {
    throw new DomainError('ValidationFailed', `The request body must be at most ${maxBytes} bytes.`, {
      s3_code: 'MaxMessageLengthExceeded',
    });
  }
  const { stream } = openS3Body(request, payload, options);
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}
