import {
  CopyObjectCommand,
  CreateBucketCommand,
  DeleteObjectCommand,
  DeleteObjectsCommand,
  GetObjectCommand,
  GetObjectCommandOutput,
  HeadBucketCommand,
  HeadObjectCommand,
  ListObjectsCommand,
  PutBucketCorsCommand,
  PutObjectCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';
import { DomainError } from '@mp/contracts';
import { createHash } from 'node:crypto';
import { Readable, pipeline } from 'node:stream';
import { ByteCounter } from './byte-counter.stream';
import { isActiveContentType } from './active-content';
import { attachmentDisposition } from './content-disposition';
import { CORS_ALLOW_ALL } from './cors-allow-all';
import {
  ByteRange,
  DigestAlgorithm,
  ObjectDigest,
  ObjectHead,
  ObjectList,
  ObjectPage,
  ObjectStream,
  PresignedPost,
  PresignGetOptions,
  PresignPostOptions,
  PresignPutOptions,
  PutObjectOptions,
  ReplacedAttributes,
  StoredObject,
  StreamedPutOptions,
} from './object-storage.types';
import { createS3Client } from './s3-client.factory';
import { SigV4Presigner } from './sigv4-presigner';
import { DirectObjectIo } from './direct-object-io';
import {
  isBucketAlreadyOwned,
  isMissingBucket,
  isMissingObject,
  isNotImplemented,
  isPreconditionFailed,
  isUnsatisfiableRange,
} from './s3-errors';
import { StorageConfig } from './storage-config';

/** Parts of a streamed upload; two in flight bound memory to about three parts. */
const PART_BYTES = 8 * 1024 * 1024;
const MAX_PARTS = 10_000;
/** The largest object S3 takes in one PutObject. */
const MAX_SINGLE_PUT_BYTES = 5 * 1024 ** 3;
const DELETE_BATCH = 1000;

/**
 * The object-storage port of the platform: the only code that speaks S3. Works against AWS S3,
 * MinIO, R2 and the embedded server. Presigned URLs are signed for the public endpoint so that
 * clients outside reach them; everything else goes to the internal endpoint.
 */
export class ObjectStorage {
  readonly bucket: string;
  private readonly client: S3Client;
  private readonly presigner: SigV4Presigner;
  private readonly direct: DirectObjectIo;

  constructor(config: StorageConfig) {
    this.bucket = config.bucket;
    this.client = createS3Client(config, config.endpoint);
    this.presigner = new SigV4Presigner(config);
    this.direct = new DirectObjectIo(config);
  }

  /**
   * Creates the bucket if absent, with a CORS rule letting browsers POST/PUT/GET presigned
   * requests. An existing bucket's CORS configuration is left as its operator set it.
   */
  async ensureBucket(): Promise<void> {
    try {
      await this.client.send(new HeadBucketCommand({ Bucket: this.bucket }));
      return;
    } catch (err) {
      if (!isMissingBucket(err)) throw err;
    }
    try {
      await this.client.send(new CreateBucketCommand({ Bucket: this.bucket }));
    } catch (err) {
      if (!isBucketAlreadyOwned(err)) throw err;
    }
    try {
      await this.client.send(
        new PutBucketCorsCommand({ Bucket: this.bucket, CORSConfiguration: { CORSRules: [CORS_ALLOW_ALL] } }),
      );
    } catch (err) {
      if (!isNotImplemented(err)) throw err; // stores configured outside the S3 API
    }
  }

  /** Throws `DependencyUnavailable` unless the bucket answers. */
  async ping(): Promise<void> {
    try {
      await this.client.send(new HeadBucketCommand({ Bucket: this.bucket }));
    } catch (err) {
      const error = new DomainError('DependencyUnavailable', `Object storage unavailable: ${describe(err)}`, {
        bucket: this.bucket,
      });
      throw Object.assign(error, { cause: err });
    }
  }

  /**
   * A browser-form upload bound to one key and content type, of at most `maxBytes`. Fields come
   * in the order the form must send them: `Content-Type`, `key`, the `x-amz-*` credentials,
   * `policy`, `x-amz-signature`; the file goes last, as `file`.
   */
  async presignPost(options: PresignPostOptions): Promise<PresignedPost> {
    const { url, fields } = this.presigner.presignPost(
      [
        ['content-length-range', 0, options.maxBytes],
        ['eq', '$key', options.key],
        ['eq', '$Content-Type', options.contentType],
      ],
      options.expiresInSeconds,
    );
    const ordered: Record<string, string> = {
      'Content-Type': options.contentType,
      key: options.key,
      'x-amz-algorithm': fields['X-Amz-Algorithm'],
      'x-amz-credential': fields['X-Amz-Credential'],
      'x-amz-date': fields['X-Amz-Date'],
    };
    if (fields['X-Amz-Security-Token']) ordered['x-amz-security-token'] = fields['X-Amz-Security-Token'];
    ordered.policy = fields.Policy;
    ordered['x-amz-signature'] = fields['X-Amz-Signature'];
    return { url, fields: ordered };
  }

  /** A presigned PUT; the content type is signed, so the uploader must send exactly it. */
  async presignPut(options: PresignPutOptions): Promise<string> {
    return this.presigner.presignUrl({
      method: 'PUT',
      key: options.key,
      expiresInSeconds: options.expiresInSeconds,
      signedHeaders: {
        'content-type': options.contentType,
        ...(options.contentLength === undefined ? {} : { 'content-length': String(options.contentLength) }),
      },
    });
  }

  /** The key of an object URL of this bucket (e.g. a `presignGet` URL), or undefined when the URL points elsewhere. */
  objectKeyOfUrl(url: string): string | undefined {
    return this.presigner.objectKeyOf(url);
  }

  async presignGet(options: PresignGetOptions): Promise<string> {
    const attachment =
      options.downloadName ??
      (options.contentType !== undefined && isActiveContentType(options.contentType)
        ? (options.key.split('/').pop() ?? 'download')
        : undefined);
    const query =
      attachment === undefined ? undefined : { 'response-content-disposition': attachmentDisposition(attachment) };
    return this.presigner.presignUrl({
      method: 'GET',
      key: options.key,
      expiresInSeconds: options.expiresInSeconds,
      query,
    });
  }

  /** The object's size, type and metadata; null when there is no such object. */
  async head(key: string): Promise<ObjectHead | null> {
    try {
      const out = await this.client.send(new HeadObjectCommand({ Bucket: this.bucket, Key: key }));
      return {
        key,
        size: out.ContentLength ?? 0,
        contentType: out.ContentType,
        etag: unquote(out.ETag),
        lastModified: out.LastModified ?? new Date(0),
        metadata: out.Metadata ?? {},
      };
    } catch (err) {
      if (isMissingObject(err)) return null;
      throw err;
    }
  }

  /**
   * The object's bytes (or a range of them) as a stream the caller must consume or destroy.
   * Throws `ObjectNotFound`, or `ValidationFailed` for a range starting past the end.
   */
  async getStream(options: { key: string; range?: ByteRange }): Promise<ObjectStream> {
    const out = await this.getObject(options.key, options.range);
    if (out === 'unsatisfiable') {
      throw new DomainError('ValidationFailed', 'The requested range is not satisfiable', {
        key: options.key,
        range: options.range,
      });
    }
    const size = out.ContentLength ?? 0;
    const total = /\/(\d+)$/.exec(out.ContentRange ?? '')?.[1];
    return {
      body: out.Body as Readable,
      size,
      totalSize: total === undefined ? size : Number(total),
      contentType: out.ContentType,
      etag: unquote(out.ETag),
      lastModified: out.LastModified ?? new Date(0),
      metadata: out.Metadata ?? {},
    };
  }

  /**
   * The whole object in one buffer, refused from its size before the body is read when larger than
   * `maxBytes`. Throws `ObjectNotFound`, `PayloadTooLarge` or `DependencyUnavailable`.
   */
  readAll(key: string, maxBytes: number): Promise<Buffer> {
    return this.direct.readAll(key, maxBytes);
  }

  /**
   * The first `bytes` bytes (fewer for a shorter object) and the whole size, in one ranged GET;
   * `PayloadTooLarge` when the whole size passes `maxBytes`. Throws `ObjectNotFound`, `DependencyUnavailable`.
   */
  readFirstBytes(key: string, bytes: number, maxBytes: number): Promise<{ bytes: Buffer; size: number }> {
    return this.direct.readHead(key, bytes, maxBytes);
  }

  /** A small buffer (no user metadata) in one PutObject, its MD5 checked by the store. Throws `DependencyUnavailable`. */
  async writeAll(options: { key: string; body: Buffer; contentType: string }): Promise<StoredObject> {
    const etag = await this.direct.writeAll(options.key, options.body, options.contentType);
    return { etag, size: options.body.length };
  }

  /** The first `bytes` bytes (fewer for a shorter object), for content sniffing. Throws `ObjectNotFound`. */
  async readHead(options: { key: string; bytes: number }): Promise<Buffer> {
    const bytes = Math.floor(Number(options.bytes));
    if (!(bytes > 0)) return Buffer.alloc(0);
    return (await this.direct.readHead(options.key, bytes, Number.POSITIVE_INFINITY)).bytes;
  }

  /** Stores a body. A stream goes up in parts as it is read (multipart beyond one part). */
  async put(options: PutObjectOptions): Promise<StoredObject> {
    const { key, body, contentType, metadata } = options;
    if (Buffer.isBuffer(body)) {
      const out = await this.client.send(
        new PutObjectCommand({
          Bucket: this.bucket,
          Key: key,
          Body: body,
          ContentType: contentType,
          ContentLength: body.length,
          Metadata: metadata,
        }),
      );
      return { etag: unquote(out.ETag), size: body.length };
    }
    const counter = new ByteCounter(options.contentLength);
    let streamError: unknown;
    pipeline(body, counter, (err) => (streamError = err ?? undefined));
    const upload = new Upload({
      client: this.client,
      params: { Bucket: this.bucket, Key: key, Body: counter, ContentType: contentType, Metadata: metadata },
      partSize: Math.max(PART_BYTES, Math.ceil((options.contentLength ?? 0) / MAX_PARTS)),
      queueSize: 2,
    });
    try {
      const out = await upload.done();
      return { etag: unquote(out.ETag), size: counter.bytes };
    } catch (err) {
      counter.destroy(); // stops reading the body, which the pipeline then destroys
      throw streamError ?? err; // the body's own failure explains more than the aborted upload
    }
  }

  /**
   * Stores a stream of a known length in one PutObject (unsigned payload: no hashing, no part
   * buffers), or in parts past S3's single-request limit. When the body fails, the request is
   * aborted before its last byte, so the store never completes the object; the body's error is thrown.
   */
  async putStream(options: StreamedPutOptions): Promise<StoredObject> {
    const { key, body, contentType, contentLength, metadata } = options;
    if (contentLength > MAX_SINGLE_PUT_BYTES) return this.put(options);
    const counter = new ByteCounter(contentLength);
    const abort = new AbortController();
    // The SDK pipes the body into its request, and a pipe does not end its target on a source's
    // error: without the abort, the store would wait for the missing bytes and the call would hang.
    let bodyError: unknown;
    const flowed = new Promise<void>((resolve) =>
      pipeline(body, counter, (err) => {
        if (err && bodyError === undefined) {
          bodyError = err;
          abort.abort(err);
        }
        resolve();
      }),
    );
    let etag: string;
    try {
      const out = await this.client.send(
        new PutObjectCommand({
          Bucket: this.bucket,
          Key: key,
          Body: counter,
          ContentType: contentType,
          ContentLength: contentLength,
          Metadata: metadata,
        }),
        { abortSignal: abort.signal },
      );
      etag = unquote(out.ETag);
    } catch (err) {
      const failed = bodyError; // before the destroy below adds a premature close
      counter.destroy(); // stops reading the body, which the pipeline then destroys
      throw failed ?? err; // the body's own failure explains more than the aborted request
    }
    // A body that failed only after its last byte reached the store (one not holding it back) is
    // complete there: it must not stay.
    await flowed;
    if (bodyError !== undefined) {
      await this.delete(key).catch(() => undefined);
      throw bodyError;
    }
    return { etag, size: counter.bytes };
  }

  /**
   * Server-side copy within the bucket, with the source's type and metadata unless `replace`
   * gives others. Throws `ObjectNotFound` when `from` is absent.
   */
  async copy(options: { from: string; to: string; replace?: ReplacedAttributes }): Promise<{ etag: string }> {
    try {
      return await this.copyObject(options.from, options.to, undefined, options.replace);
    } catch (err) {
      if (isMissingObject(err)) throw new DomainError('ObjectNotFound', 'Object not found', { key: options.from });
      throw err;
    }
  }

  /**
   * Server-side copy of `from` only while its ETag is still `etag` (compare-and-set):
   * `changed` when it was replaced meanwhile (or is gone).
   */
  async copyIfUnchanged(options: { from: string; to: string; etag: string }): Promise<{ etag: string } | 'changed'> {
    try {
      return await this.copyObject(options.from, options.to, options.etag);
    } catch (err) {
      if (isPreconditionFailed(err) || isMissingObject(err)) return 'changed';
      throw err;
    }
  }

  private async copyObject(
    from: string,
    to: string,
    ifMatchEtag?: string,
    replace?: ReplacedAttributes,
  ): Promise<{ etag: string }> {
    const out = await this.client.send(
      new CopyObjectCommand({
        Bucket: this.bucket,
        Key: to,
        CopySource: `${this.bucket}/${encodeKeyPath(from)}`,
        ...(ifMatchEtag === undefined ? {} : { CopySourceIfMatch: `"${ifMatchEtag}"` }),
        ...(replace === undefined
          ? {}
          : { MetadataDirective: 'REPLACE', ContentType: replace.contentType, Metadata: replace.metadata }),
      }),
    );
    return { etag: unquote(out.CopyObjectResult?.ETag) };
  }

  /** Idempotent: deleting an absent object succeeds. */
  async delete(key: string): Promise<void> {
    await this.client.send(new DeleteObjectCommand({ Bucket: this.bucket, Key: key }));
  }

  /** Deletes in batches of 1000; absent keys are fine. Throws if the store refused any key. */
  async deleteMany(keys: string[]): Promise<void> {
    for (let i = 0; i < keys.length; i += DELETE_BATCH) {
      const batch = keys.slice(i, i + DELETE_BATCH);
      const out = await this.client.send(
        new DeleteObjectsCommand({
          Bucket: this.bucket,
          Delete: { Objects: batch.map((Key) => ({ Key })), Quiet: true },
        }),
      );
      const failed = (out.Errors ?? []).filter((e) => e.Code !== 'NoSuchKey');
      if (failed.length) {
        throw new DomainError('Internal', `Object store refused to delete ${failed.length} object(s)`, {
          failures: failed.map((e) => ({ key: e.Key, code: e.Code, message: e.Message })),
        });
      }
    }
  }

  /**
   * One page of the objects under `prefix`, in key order. Pages by marker (ListObjects v1), which
   * S3, MinIO, R2 and the embedded server all serve; s3rver cannot issue ListObjectsV2
   * continuation tokens on Node 17+ (it enciphers them with DES, which OpenSSL 3 dropped).
   */
  async list(options: { prefix: string; cursor?: string; limit: number }): Promise<ObjectList> {
    const out = await this.client.send(
      new ListObjectsCommand({
        Bucket: this.bucket,
        Prefix: options.prefix,
        Marker: options.cursor && decodeCursor(options.cursor),
        MaxKeys: options.limit,
      }),
    );
    const objects = (out.Contents ?? []).map((o) => ({
      key: o.Key ?? '',
      size: o.Size ?? 0,
      etag: unquote(o.ETag),
      lastModified: o.LastModified ?? new Date(0),
    }));
    const last = objects.at(-1)?.key;
    return { objects, ...(out.IsTruncated && last !== undefined ? { nextCursor: encodeCursor(last) } : {}) };
  }

  /**
   * One page of the keys under `prefix` after `marker`, in key order; with a `delimiter`, keys
   * with it after the prefix are rolled up into common prefixes (each counts once toward `maxKeys`).
   */
  async listPage(options: {
    prefix: string;
    delimiter?: string;
    marker?: string;
    maxKeys: number;
  }): Promise<ObjectPage> {
    const out = await this.client.send(
      new ListObjectsCommand({
        Bucket: this.bucket,
        Prefix: options.prefix,
        Delimiter: options.delimiter || undefined,
        Marker: options.marker || undefined,
        MaxKeys: options.maxKeys,
      }),
    );
    const objects = (out.Contents ?? []).map((o) => ({
      key: o.Key ?? '',
      size: o.Size ?? 0,
      etag: unquote(o.ETag),
      lastModified: o.LastModified ?? new Date(0),
    }));
    const commonPrefixes = (out.CommonPrefixes ?? []).map((p) => p.Prefix ?? '').filter(Boolean);
    const last = [...objects.map((o) => o.key), ...commonPrefixes].sort().at(-1);
    const nextMarker = out.IsTruncated ? (out.NextMarker ?? last) : undefined;
    return { objects, commonPrefixes, ...(nextMarker === undefined ? {} : { nextMarker }) };
  }

  /** Hex digests of the object, streamed through once in constant memory. Throws `ObjectNotFound`. */
  async digest(options: { key: string; algorithms: DigestAlgorithm[] }): Promise<ObjectDigest> {
    const { body } = await this.getStream({ key: options.key });
    const hashes = [...new Set(options.algorithms)].map((algorithm) => ({ algorithm, hash: createHash(algorithm) }));
    let size = 0;
    for await (const chunk of body) {
      size += (chunk as Buffer).length;
      for (const { hash } of hashes) hash.update(chunk as Buffer);
    }
    const digest: ObjectDigest = { size };
    for (const { algorithm, hash } of hashes) digest[algorithm] = hash.digest('hex');
    return digest;
  }

  /** Closes the clients' connection pools. */
  destroy(): void {
    this.client.destroy();
    this.direct.destroy();
  }

  private async getObject(key: string, range?: ByteRange): Promise<GetObjectCommandOutput | 'unsatisfiable'> {
    try {
      return await this.client.send(
        new GetObjectCommand({
          Bucket: this.bucket,
          Key: key,
          Range: range && `bytes=${range.start}-${range.end ?? ''}`,
        }),
      );
    } catch (err) {
      if (isMissingObject(err)) throw new DomainError('ObjectNotFound', 'Object not found', { key });
      if (isUnsatisfiableRange(err)) return 'unsatisfiable';
      throw err;
    }
  }
}

function describe(err: unknown): string {
  return err instanceof Error ? err.message || err.name : String(err);
}

function unquote(etag: string | undefined): string {
  return (etag ?? '').replace(/"/g, '');
}

/** Cursors are opaque to callers: the last key listed, base64url-encoded. */
function encodeCursor(lastKey: string): string {
  return Buffer.from(lastKey, 'utf8').toString('base64url');
}

function decodeCursor(cursor: string): string {
  return Buffer.from(cursor, 'base64url').toString('utf8');
}

/** A key as the path of a CopySource: each segment URL-encoded, slashes kept. */
function encodeKeyPath(key: string): string {
  return key.split('/').map(encodeURIComponent).join('/');
}
