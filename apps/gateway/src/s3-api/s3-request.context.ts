import { DomainError, Principal } from '@mp/contracts';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { KeySpace } from '../s3-proxy/s3-object-key';
import { S3_API_PREFIX } from './s3-api.config';
import type { PayloadMode } from './sigv4/sigv4-verifier';

/** What a path-style S3 URL addresses: the service (ListBuckets), a bucket, or an object in it. */
export interface S3Target {
  bucket?: string;
  /** Decoded object key; absent for bucket-level requests. */
  key?: string;
}

/** A verified S3 request, ready for an operation. */
export interface S3RequestContext {
  request: FastifyRequest;
  reply: FastifyReply;
  principal: Principal;
  payload: PayloadMode;
  query: URLSearchParams;
  space: KeySpace;
  bucket: string;
}

/** An object-level request: the key is known. */
export interface S3ObjectContext extends S3RequestContext {
  key: string;
}

/**
 * `/s3-api`, `/s3-api/{bucket}[/]`, `/s3-api/{bucket}/{key…}` (the key percent-decoded, slashes
 * kept); with the bucket of a virtual-hosted request (named by its Host), `/s3-api[/{key…}]`.
 */
export function parseS3Target(rawUrl: string, virtualBucket?: string): S3Target {
  const path = rawUrl.split('?')[0];
  const rest = path.slice(S3_API_PREFIX.length).replace(/^\//, '');
  if (virtualBucket !== undefined) {
    const key = decode(rest);
    return key === '' ? { bucket: virtualBucket } : { bucket: virtualBucket, key };
  }
  if (rest === '') return {};
  const slash = rest.indexOf('/');
  const bucket = decode(slash < 0 ? rest : rest.slice(0, slash));
  const key = slash < 0 ? '' : decode(rest.slice(slash + 1));
  return key === '' ? { bucket } : { bucket, key };
}

function decode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    throw new DomainError('ValidationFailed', "Couldn't parse the specified URI.", { s3_code: 'InvalidURI' });
  }
}

/** A header's single value (the first of repeated ones). */
export function header(request: FastifyRequest, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/** `x-amz-meta-*` headers as user metadata (names without the prefix, lower-case). */
export function userMetadata(request: FastifyRequest): Record<string, string> {
  const metadata: Record<string, string> = {};
  for (const [name, value] of Object.entries(request.headers)) {
    if (name.startsWith('x-amz-meta-') && value !== undefined) {
      metadata[name.slice('x-amz-meta-'.length)] = Array.isArray(value) ? value.join(',') : value;
    }
  }
  if (Buffer.byteLength(JSON.stringify(metadata)) > 2048) {
    throw new DomainError('MetadataTooLarge', 'Your metadata headers exceed the maximum allowed metadata size.', {
      s3_code: 'MetadataTooLarge',
    });
  }
  return metadata;
}
