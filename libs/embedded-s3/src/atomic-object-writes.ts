import { randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { copyFile, mkdir, rename, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createHash } from 'node:crypto';
import { KeyLocks } from './key-locks';
import { requestContext } from './request-context';
import { s3Error, S3rverStore } from './s3rver.adapter';

/**
 * Makes every object write all-or-nothing, as S3's are. s3rver streams a put straight into the
 * object's file (a reader sees the partial object, truncated by the next put) and writes its MD5
 * and metadata apart from it. Here the bytes go to a temporary file in the bucket directory first
 * (a name no key maps to, which listings skip) and are renamed into place together with their
 * MD5 and metadata while no reader of that key is opening it: a reader gets one whole version,
 * with its own ETag. Copies honour `x-amz-copy-source-if-match` (412 PreconditionFailed).
 */
export class AtomicObjectWrites {
  private readonly locks = new KeyLocks();

  private constructor(private readonly store: S3rverStore) {}

  /** Replaces the store's put, copy and read; install before wrappers that call them. */
  static install(store: S3rverStore): AtomicObjectWrites {
    const writes = new AtomicObjectWrites(store);
    const getObject = store.getObject.bind(store);
    store.putObject = (object) => writes.putObject(object);
    store.copyObject = (srcBucket, srcKey, destBucket, destKey, metadata) =>
      writes.copyObject(srcBucket, srcKey, destBucket, destKey, metadata);
    // The read resolves once its file is open: a rename afterwards does not change what it streams.
    store.getObject = (bucket, key, options) =>
      writes.locks.run(`${bucket}/${key}`, () => getObject(bucket, key, options));
    return writes;
  }

  /**
   * Runs the store's (current) delete under the key's lock, so a write being moved into place is
   * never half-removed under it. Call after whatever replaces `deleteObject`.
   */
  serializeDeletes(): void {
    const deleteObject = this.store.deleteObject.bind(this.store);
    this.store.deleteObject = (bucket, key) => this.locks.run(`${bucket}/${key}`, () => deleteObject(bucket, key));
  }

  private async putObject(object: Parameters<S3rverStore['putObject']>[0]): Promise<{ size: number; md5: string }> {
    const temp = this.tempPath(object.bucket);
    try {
      const written = await writeContent(temp, object.content);
      await this.commit(object.bucket, object.key, temp, object.metadata, written.md5);
      return written;
    } finally {
      await rm(temp, { force: true });
    }
  }

  private async copyObject(
    srcBucket: string,
    srcKey: string,
    destBucket: string,
    destKey: string,
    replacementMetadata?: Record<string, unknown> | null,
  ): Promise<unknown> {
    const ifMatch = requestContext.getStore()?.copySourceIfMatch;
    const temp = this.tempPath(destBucket);
    try {
      const source = await this.locks.run(`${srcBucket}/${srcKey}`, async () => {
        const metadata = await this.store.getMetadata(srcBucket, srcKey);
        if (ifMatch !== undefined && !etagMatches(ifMatch, metadata.etag)) {
          throw s3Error('PreconditionFailed', 'At least one of the pre-conditions you specified did not hold', {
            Condition: 'x-amz-copy-source-If-Match',
          });
        }
        await copyFile(this.store.getResourcePath(srcBucket, srcKey, 'object'), temp);
        return metadata;
      });
      const md5 = JSON.parse(source.etag) as string;
      return await this.commit(destBucket, destKey, temp, replacementMetadata ?? source, md5);
    } finally {
      await rm(temp, { force: true });
    }
  }

  /** Moves a complete temporary file into place as the key's object, with its MD5 and metadata. */
  private commit(bucket: string, key: string, temp: string, metadata: unknown, md5: string) {
    return this.locks.run(`${bucket}/${key}`, async () => {
      const objectPath = this.store.getResourcePath(bucket, key, 'object');
      await mkdir(dirname(objectPath), { recursive: true });
      await rename(temp, objectPath);
      await this.store.putMetadata(bucket, key, metadata, md5);
      return this.store.getMetadata(bucket, key);
    });
  }

  private tempPath(bucket: string): string {
    return join(this.store.getBucketPath(bucket), `.incoming-${randomUUID()}`);
  }
}

async function writeContent(path: string, content: Buffer | Readable): Promise<{ size: number; md5: string }> {
  const md5 = createHash('md5');
  let size = 0;
  const source = Buffer.isBuffer(content) ? Readable.from([content]) : content;
  await pipeline(
    source,
    new Transform({
      transform(chunk: Buffer, _encoding, callback) {
        md5.update(chunk);
        size += chunk.length;
        callback(null, chunk);
      },
    }),
    createWriteStream(path),
  );
  return { size, md5: md5.digest('hex') };
}

/** `If-Match` values: `*`, or a list of (quoted or weak) ETags. */
function etagMatches(condition: string, etag: string): boolean {
  const current = etag.replace(/^"|"$/g, '');
  return condition
    .split(',')
    .map((e) => e.trim().replace(/^W\//, '').replace(/^"|"$/g, ''))
    .some((e) => e === '*' || e === current);
}
