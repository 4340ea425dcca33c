import { Inject, Injectable } from '@nestjs/common';
import { DomainError } from '@mp/contracts';
import { APP_CONFIG, RpcClient } from '@mp/platform';
import { ObjectStorage } from '@mp/storage';
import { storedContentType } from '../http/content-type';
import { sendStoredObject } from '../http/object-responder';
import { StorageFailures } from '../http/storage-failures';
import { validateObjectKey } from '../s3-proxy/s3-object-key';
import { S3ProxyConfig } from '../s3-proxy/s3-proxy.config';
import { StorageReservation } from '../s3-proxy/storage-reservation';
import { copySourceOf } from './s3-copy-source';
import { checksumHeaders } from './body-checks.stream';
import { openS3Body, readSmallBody } from './s3-body';
import { S3ObjectWriter } from './s3-object-writer';
import { header, S3ObjectContext, S3RequestContext, userMetadata } from './s3-request.context';
import { readXmlItems, xmlDocument } from './s3-xml';

/** DeleteObjects takes up to 1000 keys (S3's limit); its document is well under 1 MB then. */
const MAX_DELETE_KEYS = 1000;
const MAX_DELETE_BODY_BYTES = 1024 * 1024;

/** Response overrides a signed GET may ask for (`response-content-type=…`). */
const RESPONSE_OVERRIDES: Record<string, string> = {
  'response-content-type': 'content-type',
  'response-content-language': 'content-language',
  'response-expires': 'expires',
  'response-cache-control': 'cache-control',
  'response-content-disposition': 'content-disposition',
  'response-content-encoding': 'content-encoding',
};

/** The object operations of the S3 protocol, inside the key's keyspace (the S3 proxy's objects). */
@Injectable()
export class S3ObjectOperations {
  constructor(
    private readonly rpc: RpcClient,
    private readonly storage: ObjectStorage,
    private readonly writer: S3ObjectWriter,
    @Inject(APP_CONFIG) private readonly config: S3ProxyConfig,
    private readonly failures: StorageFailures,
  ) {}

  /** GetObject / HeadObject: Range, If-Match, If-None-Match, If-(Un)Modified-Since, user metadata. */
  async get(ctx: S3ObjectContext): Promise<void> {
    const objectKey = ctx.space.objectKey(validateObjectKey(ctx.key));
    const overrides: Record<string, string> = {};
    for (const [param, name] of Object.entries(RESPONSE_OVERRIDES)) {
      const value = ctx.query.get(param);
      if (value !== null) overrides[name] = value;
    }
    try {
      await sendStoredObject(this.storage, ctx.request, ctx.reply, {
        key: objectKey,
        contentType: overrides['content-type'],
        contentDisposition: overrides['content-disposition'],
        headersOf: (head) => ({
          ...Object.fromEntries(Object.entries(head.metadata).map(([name, value]) => [`x-amz-meta-${name}`, value])),
          ...overrides,
        }),
      });
    } catch (err) {
      if (err instanceof DomainError && err.code === 'ObjectNotFound') throw noSuchKey(ctx.key);
      throw this.failures.of(err, 's3 get');
    }
  }

  /** PutObject: Content-MD5 and the signed payload checked as it streams; `x-amz-meta-*` kept. */
  async put(ctx: S3ObjectContext): Promise<void> {
    const userKey = validateObjectKey(ctx.key);
    const metadata = userMetadata(ctx.request);
    const body = openS3Body(ctx.request, ctx.payload);
    this.assertSize(body.length);
    const stored = await this.writer.write({
      principal: ctx.principal,
      userKey,
      body: body.stream,
      length: body.length,
      contentType: storedContentType(header(ctx.request, 'content-type'), userKey),
      metadata,
    });
    await ctx.reply
      .status(200)
      .header('etag', `"${stored.etag}"`)
      .headers(checksumHeaders(body.checks.verified))
      .send();
  }

  /** CopyObject within the bucket: the copy is reserved at the source's size and charged like an upload. */
  async copy(ctx: S3ObjectContext): Promise<void> {
    const userKey = validateObjectKey(ctx.key);
    const sourceKey = copySourceOf(ctx);
    const from = ctx.space.objectKey(sourceKey);
    const head = await this.headOrThrow(from, sourceKey);
    const replace =
      header(ctx.request, 'x-amz-metadata-directive')?.toUpperCase() === 'REPLACE'
        ? {
            contentType: storedContentType(header(ctx.request, 'content-type'), userKey),
            metadata: userMetadata(ctx.request),
          }
        : undefined;
    if (!replace && sourceKey === userKey) {
      throw new DomainError(
        'ValidationFailed',
        'This copy request is illegal because it is trying to copy an object to itself without changing the metadata.',
        { s3_code: 'InvalidRequest' },
      );
    }
    const reservation = await StorageReservation.reserve(this.rpc, ctx.principal, head.size);
    let etag: string;
    try {
      etag = (await this.storage.copy({ from, to: ctx.space.objectKey(userKey), replace })).etag;
    } catch (err) {
      await reservation.release().catch(() => undefined);
      if (err instanceof DomainError && err.code === 'ObjectNotFound') throw noSuchKey(sourceKey);
      throw this.failures.of(err, 's3 copy');
    }
    await this.writer.commit(ctx.principal, reservation, userKey, head.size);
    await sendXml(ctx, 'CopyObjectResult', { LastModified: new Date().toISOString(), ETag: `"${etag}"` });
  }

  /** DeleteObject: 204 whether or not the key held an object, its size given back to the quota. */
  async delete(ctx: S3ObjectContext): Promise<void> {
    await this.deleteKey(ctx, validateObjectKey(ctx.key));
    await ctx.reply.status(204).send();
  }

  /** DeleteObjects (`POST ?delete`): up to 1000 keys, each reported deleted or failed; Quiet reports failures only. */
  async deleteMany(ctx: S3RequestContext): Promise<void> {
    const xml = (await readSmallBody(ctx.request, ctx.payload, MAX_DELETE_BODY_BYTES)).toString('utf8');
    const { items, fields } = readXmlItems(xml, 'Delete', 'Object');
    if (items.length === 0 || items.length > MAX_DELETE_KEYS || items.some((i) => i.Key === undefined)) {
      throw new DomainError('MalformedXML', `Delete must name 1 to ${MAX_DELETE_KEYS} objects, each with a Key.`);
    }
    const quiet = fields.Quiet?.trim().toLowerCase() === 'true';
    const deleted: { Key: string }[] = [];
    const errors: { Key: string; Code: string; Message: string }[] = [];
    for (const item of items) {
      const key = item.Key!;
      try {
        await this.deleteKey(ctx, validateObjectKey(key));
        deleted.push({ Key: key });
      } catch (err) {
        const e = this.failures.of(err, 's3 delete');
        errors.push({
          Key: key,
          Code: e.code === 'ValidationFailed' ? 'InvalidArgument' : 'InternalError',
          Message: e.message,
        });
      }
    }
    await sendXml(ctx, 'DeleteResult', { Deleted: quiet ? undefined : deleted, Error: errors });
  }

  private async deleteKey(ctx: S3RequestContext, userKey: string): Promise<void> {
    await this.failures.attempt('s3 delete', () => this.storage.delete(ctx.space.objectKey(userKey)));
    await this.rpc.request('billing.storage.free', {
      team_id: ctx.principal.team_id,
      key_id: ctx.principal.key_id,
      object_key: userKey,
    });
  }

  private async headOrThrow(objectKey: string, userKey: string) {
    const head = await this.failures.attempt('s3 head', () => this.storage.head(objectKey));
    if (!head) throw noSuchKey(userKey);
    return head;
  }

  private assertSize(length: number): void {
    if (length > this.config.S3_PROXY_MAX_FILE_BYTES) {
      throw new DomainError('PayloadTooLarge', 'Your proposed upload exceeds the maximum allowed object size.', {
        max_bytes: this.config.S3_PROXY_MAX_FILE_BYTES,
      });
    }
  }
}

export function noSuchKey(key: string): DomainError {
  return new DomainError('ObjectNotFound', 'The specified key does not exist.', { key });
}

export async function sendXml(
  ctx: S3RequestContext,
  root: string,
  body: Parameters<typeof xmlDocument>[1],
): Promise<void> {
  await ctx.reply.status(200).header('content-type', 'application/xml').send(xmlDocument(root, body));
}
