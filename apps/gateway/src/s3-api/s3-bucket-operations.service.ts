import { Inject, Injectable } from '@nestjs/common';
import { Principal } from '@mp/contracts';
import { APP_CONFIG } from '@mp/platform';
import { ObjectStorage } from '@mp/storage';
import type { FastifyReply } from 'fastify';
import { StorageFailures } from '../http/storage-failures';
import { S3ApiConfig } from './s3-api.config';
import { bucketOf } from './s3-bucket-name';
import { encodeToken, parseListObjects, urlEncodeKey } from './s3-list-objects';
import { sendXml } from './s3-object-operations.service';
import { S3RequestContext } from './s3-request.context';
import { xmlDocument } from './s3-xml';

/** The key's one bucket: when it was "created" is unknown to S3 clients and irrelevant; a fixed date is shown. */
const BUCKET_CREATION_DATE = '2025-01-01T00:00:00.000Z';

/** Service- and bucket-level operations: ListBuckets, HeadBucket, GetBucketLocation, ListObjects V1/V2. */
@Injectable()
export class S3BucketOperations {
  constructor(
    private readonly storage: ObjectStorage,
    @Inject(APP_CONFIG) private readonly config: S3ApiConfig,
    private readonly failures: StorageFailures,
  ) {}

  async listBuckets(principal: Principal, reply: FastifyReply): Promise<void> {
    const owner = { ID: principal.key_id, DisplayName: principal.key_id };
    const body = xmlDocument('ListAllMyBucketsResult', {
      Owner: owner,
      Buckets: { Bucket: [{ Name: bucketOf(principal), CreationDate: BUCKET_CREATION_DATE }] },
    });
    await reply.status(200).header('content-type', 'application/xml').send(body);
  }

  async head(ctx: S3RequestContext): Promise<void> {
    await ctx.reply.status(200).header('x-amz-bucket-region', this.config.S3_API_REGION).send();
  }

  /** us-east-1 is answered as an empty LocationConstraint, as S3 does. */
  async location(ctx: S3RequestContext): Promise<void> {
    const region = this.config.S3_API_REGION === 'us-east-1' ? '' : this.config.S3_API_REGION;
    await ctx.reply
      .status(200)
      .header('content-type', 'application/xml')
      .send(xmlDocument('LocationConstraint', {}).replace('></LocationConstraint>', `>${region}</LocationConstraint>`));
  }

  async listObjects(ctx: S3RequestContext): Promise<void> {
    const params = parseListObjects(ctx.query);
    const root = ctx.space.root;
    let page;
    try {
      page =
        params.maxKeys === 0
          ? { objects: [], commonPrefixes: [] as string[], nextMarker: undefined }
          : await this.storage.listPage({
              prefix: root + params.prefix,
              delimiter: params.delimiter,
              marker: params.after === '' ? undefined : root + params.after,
              maxKeys: params.maxKeys,
            });
    } catch (err) {
      throw this.failures.of(err, 's3 list');
    }
    const enc = (key: string) => (params.encodeUrl ? urlEncodeKey(key) : key);
    const owner = { ID: ctx.principal.key_id, DisplayName: ctx.principal.key_id };
    const contents = page.objects.map((o) => ({
      Key: enc(ctx.space.userKey(o.key)),
      LastModified: o.lastModified.toISOString(),
      ETag: `"${o.etag}"`,
      Size: o.size,
      ...(params.version === 1 || params.fetchOwner ? { Owner: owner } : {}),
      StorageClass: 'STANDARD',
    }));
    const prefixes = page.commonPrefixes.map((p) => ({ Prefix: enc(ctx.space.userKey(p)) }));
    const next = page.nextMarker === undefined ? undefined : ctx.space.userKey(page.nextMarker);
    const common = {
      Name: ctx.bucket,
      Prefix: enc(params.prefix),
      ...(params.delimiter ? { Delimiter: enc(params.delimiter) } : {}),
      MaxKeys: params.maxKeys,
      ...(params.encodeUrl ? { EncodingType: 'url' } : {}),
      IsTruncated: next !== undefined,
    };
    if (params.version === 2) {
      await sendXml(ctx, 'ListBucketResult', {
        ...common,
        ...(params.continuationToken === undefined ? {} : { ContinuationToken: params.continuationToken }),
        ...(params.startAfter === undefined ? {} : { StartAfter: enc(params.startAfter) }),
        ...(next === undefined ? {} : { NextContinuationToken: encodeToken(next) }),
        KeyCount: contents.length + prefixes.length,
        Contents: contents,
        CommonPrefixes: prefixes,
      });
      return;
    }
    await sendXml(ctx, 'ListBucketResult', {
      ...common,
      Marker: enc(params.marker ?? ''),
      ...(next === undefined ? {} : { NextMarker: enc(next) }),
      Contents: contents,
      CommonPrefixes: prefixes,
    });
  }
}
