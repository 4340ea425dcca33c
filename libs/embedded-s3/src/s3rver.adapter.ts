import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Readable } from 'node:stream';
import { requestContext } from './request-context';

/**
 * The slice of `@20minutes/s3rver` 4.0.4 the embedded server relies on. The package ships no
 * type declarations, so it is loaded here, once, and typed by hand.
 */
export interface S3rverOptions {
  directory: string;
  silent: boolean;
  /** Path-style only: with `true`, any host name that is not an IP or `localhost` is taken for a bucket. */
  vhostBuckets: boolean;
  configureBuckets: { name: string; configs: string[] }[];
}

/** The notification s3rver emits: one record per event, bucket and key not URL-encoded. */
export interface S3rverEvent {
  Records: {
    eventTime: string;
    eventName: string;
    s3: { bucket: { name: string }; object: { key: string; size?: number; eTag?: string } };
  }[];
}

export interface S3rverStore {
  /** Throws ENOENT when the object is absent. `etag` is JSON-quoted. */
  getMetadata(bucket: string, key: string): Promise<{ etag: string; 'content-length': number }>;
  /** Writes the MD5 (when given) and the allowed metadata headers of an object. */
  putMetadata(bucket: string, key: string, metadata: unknown, md5?: string): Promise<void>;
  /** Resolves once the object's file is open for reading (null when absent). */
  getObject(bucket: string, key: string, options?: ByteRangeOption): Promise<unknown>;
  /** A bucket's (`key` undefined) or an object's configuration document, parsed; null when absent. */
  getSubresource(bucket: string, key: string | undefined, resourceType: string): Promise<unknown>;
  putSubresource(bucket: string, key: string | undefined, resource: { type: string }): Promise<void>;
  deleteSubresource(bucket: string, key: string | undefined, resourceType: string): Promise<void>;
  /** The bucket (its directory's stat), or null when there is none. */
  getBucket(bucket: string): Promise<unknown>;
  putBucket(bucket: string): Promise<unknown>;
  deleteBucket(bucket: string): Promise<void>;
  deleteObject(bucket: string, key: string): Promise<void>;
  putObject(object: {
    bucket: string;
    key: string;
    content: Buffer | Readable;
    metadata: unknown;
  }): Promise<{ size: number; md5: string }>;
  copyObject(
    srcBucket: string,
    srcKey: string,
    destBucket: string,
    destKey: string,
    replacementMetadata?: Record<string, unknown> | null,
  ): Promise<unknown>;
  /** `<bucket dir>/<key dirs>/<key name>._S3rver_<resource>` */
  getResourcePath(bucket: string, key: string, resource: string): string;
  getBucketPath(bucket: string): string;
}

/** The range s3rver passes to `getObject` (inclusive ends, as in a Range header). */
export interface ByteRangeOption {
  start?: number;
  end?: number;
}

/** s3rver's object model: what `getObject` answers, with `range` set for ranged reads. */
export interface S3rverObject {
  content: Readable | null;
  range?: { start: number; end: number };
}

export const S3rverObjectModel = require('@20minutes/s3rver/lib/models/object') as new (
  bucket: string,
  key: string,
  content: Readable | null,
  metadata: Record<string, unknown>,
) => S3rverObject;

export interface S3rverApp {
  readonly store: S3rverStore;
  callback(): (req: IncomingMessage, res: ServerResponse) => Promise<void>;
  configureBuckets(): Promise<void>;
  on(event: 'event', listener: (event: S3rverEvent) => void): this;
  on(event: 'error', listener: (err: Error) => void): this;
}

interface CanonicalRequest {
  uri: string;
  querystring: string;
  headers: Record<string, string | string[] | undefined>;
}

interface SignatureV4 {
  getStringToSign(canonicalRequest: CanonicalRequest, signature: unknown): string;
}

interface AccessKeyRegistry {
  createKeyPair(accessKeyId: string, secretAccessKey: string): void;
  revokeAccessKey(accessKeyId: string): void;
}

const S3rver = require('@20minutes/s3rver') as new (options: S3rverOptions) => S3rverApp;
const { DUMMY_ACCOUNT } = require('@20minutes/s3rver/lib/models/account') as { DUMMY_ACCOUNT: AccessKeyRegistry };
const signatureV4 = require('@20minutes/s3rver/lib/signature/v4') as SignatureV4;
const S3Error = require('@20minutes/s3rver/lib/models/error') as new (
  code: string,
  message: string,
  detail?: Record<string, string>,
) => Error;

/** An error s3rver answers as S3 XML with the code's status (`PreconditionFailed` → 412). */
export function s3Error(code: string, message: string, detail?: Record<string, string>): Error {
  return new S3Error(code, message, detail);
}

/** The built-in `S3RVER`/`S3RVER` key pair s3rver accepts unless revoked. */
const BUILT_IN_ACCESS_KEY_ID = 'S3RVER';

export function createS3rver(options: S3rverOptions): S3rverApp {
  return new S3rver(options);
}

/**
 * Makes s3rver accept this key pair and no longer its built-in one. s3rver keeps keys in one
 * process-wide registry, so every embedded server in a process accepts every registered key.
 */
export function registerAccessKey(accessKeyId: string, secretAccessKey: string): void {
  if (accessKeyId !== BUILT_IN_ACCESS_KEY_ID) DUMMY_ACCOUNT.revokeAccessKey(BUILT_IN_ACCESS_KEY_ID);
  DUMMY_ACCOUNT.createKeyPair(accessKeyId, secretAccessKey);
}

let checkingSignaturesAsSent = false;

/**
 * s3rver rebuilds the canonical request from its own routing (`/bucket` where the client signed
 * `/bucket/`) and encodes query values with encodeURIComponent (`'()*!` left raw, where SigV4
 * encodes them), so it refuses valid signatures. From this call on, a request running in
 * `requestContext` is checked against the URI, query string and headers it was sent with.
 * Requests outside that context (other s3rver users in the process) are left untouched.
 */
export function checkSignaturesAsSent(): void {
  if (checkingSignaturesAsSent) return;
  checkingSignaturesAsSent = true;
  const stringToSign = signatureV4.getStringToSign.bind(signatureV4);
  signatureV4.getStringToSign = (canonical, signature) => {
    const sent = requestContext.getStore()?.signed;
    if (!sent) return stringToSign(canonical, signature);
    return stringToSign(
      {
        ...canonical,
        uri: sent.uri,
        querystring: sent.querystring,
        headers: { ...canonical.headers, ...sent.headers },
      },
      signature,
    );
  };
}
