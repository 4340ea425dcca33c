import { Inject, Injectable } from '@nestjs/common';
import { DomainError, Principal } from '@mp/contracts';
import { APP_CONFIG, RpcClient } from '@mp/platform';
import { ObjectStorage } from '@mp/storage';
import { createHash, randomUUID } from 'node:crypto';
import { Readable, Transform, TransformCallback } from 'node:stream';
import { BestEffortCleanup } from '../http/best-effort-cleanup';
import { parseRange } from '../http/byte-range';
import { storedContentType } from '../http/content-type';
import { StorageFailures } from '../http/storage-failures';
import { validateObjectKey } from '../s3-proxy/s3-object-key';
import { StorageReservation } from '../s3-proxy/storage-reservation';
import { MultipartLayout, MultipartManifest, MultipartManifests } from './multipart-upload.store';
import { copySourceOf } from './s3-copy-source';
import { BodyChecks, checksumHeaders } from './body-checks.stream';
import { openS3Body, readSmallBody } from './s3-body';
import { noSuchKey, sendXml } from './s3-object-operations.service';
import { S3ObjectWriter } from './s3-object-writer';
import { header, S3ObjectContext, S3RequestContext, userMetadata } from './s3-request.context';
import { readXmlItems, xmlDocument } from './s3-xml';
import { answerWithKeepAlive } from './keep-alive-answer';
import { S3ApiConfig } from './s3-api.config';

const MAX_PART_NUMBER = 10_000;
const MIN_PART_BYTES = 5 * 1024 * 1024;
const MAX_PART_BYTES = 5 * 1024 ** 3;
const MAX_COMPLETE_BODY_BYTES = 2 * 1024 * 1024;
const MAX_LIST = 1000;

/**
 * Multipart uploads. Each upload holds one storage reservation that grows as parts arrive (a part
 * that does not fit is refused before its bytes are stored); parts are stored apart from the
 * keyspace, and CompleteMultipartUpload streams them in order into the object and charges its size.
 * Abort, or the sweeper for an upload older than S3_API_MULTIPART_MAX_AGE_SECONDS, gives it all back.
 */
/** S3 writes a space about this often while it assembles a large object. */
const COMPLETE_KEEPALIVE_EVERY_MS = 5_000;

@Injectable()
export class S3MultipartOperations {
  private readonly manifests: MultipartManifests;

  constructor(
    private readonly rpc: RpcClient,
    private readonly storage: ObjectStorage,
    private readonly writer: S3ObjectWriter,
    private readonly cleanup: BestEffortCleanup,
    private readonly failures: StorageFailures,
    @Inject(APP_CONFIG) private readonly config: S3ApiConfig,
  ) {
    this.manifests = new MultipartManifests(storage);
  }

  async create(ctx: S3ObjectContext): Promise<void> {
    const key = validateObjectKey(ctx.key);
    const layout = new MultipartLayout(ctx.principal);
    const uploadId = randomUUID();
    const reservation = await StorageReservation.reserve(this.rpc, ctx.principal, 0);
    const manifest: MultipartManifest = {
      key,
      content_type: storedContentType(header(ctx.request, 'content-type'), key),
      metadata: userMetadata(ctx.request),
      reservation_id: reservation.id,
      initiated: new Date().toISOString(),
      team_id: ctx.principal.team_id,
      key_id: ctx.principal.key_id,
    };
    try {
      await this.manifests.save(layout, uploadId, manifest);
    } catch (err) {
      await this.cleanup.run('release storage reservation', () => reservation.release());
      throw this.failures.of(err, 's3 create multipart');
    }
    await sendXml(ctx, 'InitiateMultipartUploadResult', { Bucket: ctx.bucket, Key: key, UploadId: uploadId });
  }

  /** UploadPart, or UploadPartCopy when `x-amz-copy-source` names a source. */
  async uploadPart(ctx: S3ObjectContext): Promise<void> {
    const { layout, uploadId, manifest } = await this.open(ctx);
    const partNumber = partNumberOf(ctx.query.get('partNumber'));
    const copying = header(ctx.request, 'x-amz-copy-source') !== undefined;
    let body: Readable;
    let length: number;
    let checks: BodyChecks | undefined;
    if (copying) {
      ({ body, length } = await this.copySource(ctx));
    } else {
      // The part's MD5 (its ETag) is computed once, also checking a Content-MD5 (the AWS CLI sends one).
      ({ stream: body, length, checks } = openS3Body(ctx.request, ctx.payload, { md5: true }));
    }
    if (length > MAX_PART_BYTES) {
      body.destroy();
      throw new DomainError('PayloadTooLarge', 'Your proposed upload exceeds the maximum allowed part size.');
    }
    const reservation = StorageReservation.resume(this.rpc, ctx.principal, manifest.reservation_id);
    if (length > 0) {
      try {
        await reservation.add(length);
      } catch (err) {
        body.destroy();
        if (err instanceof DomainError && err.code === 'Conflict') {
          await this.discard(ctx.principal, uploadId, manifest);
          throw new DomainError('NoSuchUpload', 'The upload expired: its storage reservation lapsed.', {
            upload_id: uploadId,
          });
        }
        throw err;
      }
    }
    const copied = copying ? new PartDigest() : undefined;
    let stored;
    try {
      stored = await this.storage.putStream({
        key: layout.partKey(uploadId, partNumber),
        body: copied ? pipeThrough(body, copied) : body,
        contentType: 'application/octet-stream',
        contentLength: length,
      });
    } catch (err) {
      throw this.failures.of(err, 's3 upload part');
    }
    // The part's own MD5 is its ETag (what clients send back in CompleteMultipartUpload), kept beside it.
    const md5 = copied ? copied.hex : checks!.md5Hex!;
    await this.storage.put({
      key: `${layout.partKey(uploadId, partNumber)}.md5`,
      body: Buffer.from(JSON.stringify({ md5, size: stored.size })),
      contentType: 'application/json',
    });
    const etag = `"${md5}"`;
    if (copying) {
      await sendXml(ctx, 'CopyPartResult', { LastModified: new Date().toISOString(), ETag: etag });
    } else {
      await ctx.reply.status(200).header('etag', etag).headers(checksumHeaders(checks?.verified)).send();
    }
  }

  async complete(ctx: S3ObjectContext): Promise<void> {
    const { layout, uploadId, manifest } = await this.open(ctx);
    // Its x-amz-checksum-* headers are the object's, not of this document.
    const xml = (
      await readSmallBody(ctx.request, ctx.payload, MAX_COMPLETE_BODY_BYTES, { checksumHeadersOfObject: true })
    ).toString('utf8');
    const { items } = readXmlItems(xml, 'CompleteMultipartUpload', 'Part');
    if (items.length === 0)
      throw new DomainError('MalformedXML', 'CompleteMultipartUpload must list at least one Part.');
    const parts: { number: number; size: number }[] = [];
    for (const item of items) {
      const number = partNumberOf(item.PartNumber ?? null);
      if (parts.length && number <= parts.at(-1)!.number) {
        throw new DomainError('InvalidPartOrder', 'The list of parts was not in ascending order.');
      }
      const recorded = await this.partRecord(layout, uploadId, number);
      if (!recorded || (item.ETag ?? '').replace(/"/g, '') !== recorded.md5) {
        throw new DomainError('InvalidPart', 'One or more of the specified parts could not be found.', {
          part_number: number,
        });
      }
      parts.push({ number, size: recorded.size });
    }
    if (parts.slice(0, -1).some((p) => p.size < MIN_PART_BYTES)) {
      throw new DomainError('EntityTooSmall', 'Your proposed upload is smaller than the minimum allowed object size.');
    }
    const total = parts.reduce((sum, p) => sum + p.size, 0);
    const reservation = StorageReservation.resume(this.rpc, ctx.principal, manifest.reservation_id);
    const assembled = (async () => {
      const stored = await this.writer.write(
        {
          principal: ctx.principal,
          userKey: manifest.key,
          body: Readable.from(
            this.concatenate(
              layout,
              uploadId,
              parts.map((p) => p.number),
            ),
          ),
          length: total,
          contentType: manifest.content_type,
          metadata: manifest.metadata,
        },
        reservation,
      );
      await this.deleteUploadObjects(layout, uploadId);
      return xmlDocument('CompleteMultipartUploadResult', {
        Location: `${ctx.request.protocol}://${ctx.request.headers.host}/${ctx.bucket}/${manifest.key}`,
        Bucket: ctx.bucket,
        Key: manifest.key,
        ETag: `"${stored.etag}"`,
      });
    })();
    await answerWithKeepAlive(ctx, assembled, {
      startAfterMs: this.config.S3_API_COMPLETE_KEEPALIVE_AFTER_MS,
      everyMs: COMPLETE_KEEPALIVE_EVERY_MS,
    });
  }

  async abort(ctx: S3ObjectContext): Promise<void> {
    const { uploadId, manifest } = await this.open(ctx);
    await this.discard(ctx.principal, uploadId, manifest);
    await ctx.reply.status(204).send();
  }

  async listParts(ctx: S3ObjectContext): Promise<void> {
    const { layout, uploadId, manifest } = await this.open(ctx);
    const marker = Number(ctx.query.get('part-number-marker') ?? '0') || 0;
    const maxParts = Math.min(Number(ctx.query.get('max-parts') ?? MAX_LIST) || MAX_LIST, MAX_LIST);
    const page = await this.storage.listPage({
      prefix: `${layout.uploadRoot(uploadId)}part-`,
      marker: marker > 0 ? `${layout.partKey(uploadId, marker)}.md5` : undefined,
      maxKeys: maxParts * 2,
    });
    const parts = [];
    for (const object of page.objects) {
      const number = layout.partNumberOf(object.key);
      if (number === undefined || number <= marker) continue;
      const record = await this.partRecord(layout, uploadId, number);
      if (record)
        parts.push({
          PartNumber: number,
          LastModified: object.lastModified.toISOString(),
          ETag: `"${record.md5}"`,
          Size: record.size,
        });
      if (parts.length === maxParts) break;
    }
    const truncated = parts.length === maxParts;
    await sendXml(ctx, 'ListPartsResult', {
      Bucket: ctx.bucket,
      Key: manifest.key,
      UploadId: uploadId,
      PartNumberMarker: marker,
      ...(truncated ? { NextPartNumberMarker: parts.at(-1)!.PartNumber } : {}),
      MaxParts: maxParts,
      IsTruncated: truncated,
      StorageClass: 'STANDARD',
      Part: parts,
    });
  }

  async listUploads(ctx: S3RequestContext): Promise<void> {
    const layout = new MultipartLayout(ctx.principal);
    const prefix = ctx.query.get('prefix') ?? '';
    const page = await this.storage.listPage({ prefix: layout.root, delimiter: '/', maxKeys: MAX_LIST });
    const uploads = [];
    for (const uploadRoot of page.commonPrefixes) {
      const uploadId = uploadRoot.slice(layout.root.length, -1);
      const manifest = await this.manifests.load(layout, uploadId).catch(() => undefined);
      if (!manifest || !manifest.key.startsWith(prefix)) continue;
      uploads.push({ Key: manifest.key, UploadId: uploadId, Initiated: manifest.initiated, StorageClass: 'STANDARD' });
    }
    await sendXml(ctx, 'ListMultipartUploadsResult', {
      Bucket: ctx.bucket,
      Prefix: prefix,
      MaxUploads: MAX_LIST,
      IsTruncated: page.nextMarker !== undefined,
      Upload: uploads,
    });
  }

  /** Gives an upload's bytes back and deletes its parts and manifest (abort, expiry, the sweeper). */
  async discard(
    principal: Pick<Principal, 'team_id' | 'key_id'>,
    uploadId: string,
    manifest: MultipartManifest,
  ): Promise<void> {
    await StorageReservation.resume(this.rpc, principal, manifest.reservation_id).release();
    await this.deleteUploadObjects(new MultipartLayout(principal), uploadId);
  }

  private async open(ctx: S3ObjectContext) {
    const layout = new MultipartLayout(ctx.principal);
    const uploadId = ctx.query.get('uploadId');
    const manifest = await this.manifests.load(layout, uploadId);
    if (manifest.key !== ctx.key) {
      throw new DomainError('NoSuchUpload', 'The specified upload does not exist for this key.', {
        upload_id: uploadId,
      });
    }
    return { layout, uploadId: uploadId!, manifest };
  }

  private async partRecord(layout: MultipartLayout, uploadId: string, number: number) {
    try {
      const text = await this.storage.readHead({ key: `${layout.partKey(uploadId, number)}.md5`, bytes: 1024 });
      return JSON.parse(text.toString('utf8')) as { md5: string; size: number };
    } catch (err) {
      if (err instanceof DomainError && err.code === 'ObjectNotFound') return undefined;
      throw err;
    }
  }

  private async *concatenate(layout: MultipartLayout, uploadId: string, numbers: number[]): AsyncGenerator<Buffer> {
    for (const number of numbers) {
      const part = await this.storage.getStream({ key: layout.partKey(uploadId, number) });
      for await (const chunk of part.body) yield chunk as Buffer;
    }
  }

  private async deleteUploadObjects(layout: MultipartLayout, uploadId: string): Promise<void> {
    const keys: string[] = [];
    let marker: string | undefined;
    do {
      const page = await this.storage.listPage({ prefix: layout.uploadRoot(uploadId), marker, maxKeys: MAX_LIST });
      keys.push(...page.objects.map((o) => o.key));
      marker = page.nextMarker;
    } while (marker !== undefined);
    await this.cleanup.deleteObjects('delete multipart upload objects', keys);
  }

  /** The bytes of `x-amz-copy-source` (optionally `x-amz-copy-source-range: bytes=a-b`) as a part body. */
  private async copySource(ctx: S3ObjectContext): Promise<{ body: Readable; length: number }> {
    const sourceKey = copySourceOf(ctx);
    const objectKey = ctx.space.objectKey(sourceKey);
    const head = await this.storage.head(objectKey);
    if (!head) throw noSuchKey(sourceKey);
    const rangeHeader = header(ctx.request, 'x-amz-copy-source-range');
    let range: { start: number; end: number } | undefined;
    if (rangeHeader !== undefined) {
      const parsed = parseRange(rangeHeader, head.size);
      if (parsed.kind !== 'ranges' || parsed.ranges.length !== 1) {
        throw new DomainError(
          'ValidationFailed',
          'The x-amz-copy-source-range value must be of the form bytes=first-last.',
          {
            s3_code: 'InvalidArgument',
          },
        );
      }
      range = parsed.ranges[0];
    }
    const stream = await this.storage.getStream({ key: objectKey, range });
    return { body: stream.body, length: stream.size };
  }
}

/** `source` piped into `through`, the source's failure failing it (a refused body must reach the store as an error). */
function pipeThrough(source: Readable, through: Transform): Transform {
  source.once('error', (err) => through.destroy(err));
  return source.pipe(through);
}

function partNumberOf(raw: string | null): number {
  if (raw === null || !/^\d{1,5}$/.test(raw.trim()) || Number(raw) < 1 || Number(raw) > MAX_PART_NUMBER) {
    throw new DomainError(
      'ValidationFailed',
      `Part number must be an integer between 1 and ${MAX_PART_NUMBER}, inclusive.`,
      {
        s3_code: 'InvalidArgument',
      },
    );
  }
  return Number(raw);
}

/** Passes a copied part through while computing its MD5 (its ETag), known once the part has ended. */
class PartDigest extends Transform {
  private readonly hash = createHash('md5');
  hex = '';

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    this.hash.update(chunk);
    callback(null, chunk);
  }

  override _flush(callback: TransformCallback): void {
    this.hex = this.hash.digest('hex');
    callback();
  }
}
