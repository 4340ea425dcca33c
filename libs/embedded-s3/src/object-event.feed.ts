import type { S3EventName, S3EventRecord } from '@mp/storage';
import { requestContext } from './request-context';
import type { S3rverApp, S3rverEvent } from './s3rver.adapter';

export interface ObjectEventFeedOptions {
  onEvent: (record: S3EventRecord) => void | Promise<void>;
  onError: (error: unknown, record: S3EventRecord) => void;
}

/**
 * Turns s3rver's object events into S3 notification records and hands them to `onEvent` one at
 * a time, in the order the store changed. It corrects what s3rver gets wrong: a completed
 * multipart upload is reported as `ObjectCreated:Post`, a copy carries no ETag, a multi-object
 * delete reports nothing, and sequencers (milliseconds) repeat. Concurrent deletes in one
 * directory are safe: `DirectoryPruneGuard` prunes emptied directories without failing on one
 * another delete already removed.
 */
export class ObjectEventFeed {
  private delivered: Promise<void> = Promise.resolve();
  private sequence = 0;

  constructor(
    private readonly s3rver: S3rverApp,
    private readonly options: ObjectEventFeedOptions,
  ) {
    s3rver.on('event', (event) => this.onS3rverEvent(event));
    const store = s3rver.store;
    const deleteObject = store.deleteObject.bind(store);
    store.deleteObject = async (bucket, key) => {
      await deleteObject(bucket, key);
      if (this.isRequest('POST', 'delete')) this.enqueue(this.record('ObjectRemoved:Delete', bucket, { key }));
    };
  }

  /** Resolves once every event so far has been delivered. */
  async drain(): Promise<void> {
    await this.delivered;
  }

  private onS3rverEvent(event: S3rverEvent): void {
    for (const { eventName, s3 } of event.Records) {
      const { key, size, eTag } = s3.object;
      const name = this.isRequest('POST', 'uploadId')
        ? 'ObjectCreated:CompleteMultipartUpload'
        : (eventName as S3EventName);
      const record = this.record(name, s3.bucket.name, { key, size, eTag });
      if (name === 'ObjectCreated:Copy' && eTag === undefined) this.enqueue(this.withStoredETag(record));
      else this.enqueue(record);
    }
  }

  private record(
    eventName: S3EventName,
    bucket: string,
    object: { key: string; size?: number; eTag?: string },
  ): S3EventRecord {
    const sequencer =
      Date.now().toString(16).toUpperCase().padStart(12, '0') +
      (this.sequence++).toString(16).toUpperCase().padStart(8, '0');
    const { key, size, eTag } = object;
    return {
      eventName,
      eventTime: new Date().toISOString(),
      s3: {
        bucket: { name: bucket },
        object: { key, ...(size !== undefined && { size }), ...(eTag !== undefined && { eTag }), sequencer },
      },
    };
  }

  private async withStoredETag(record: S3EventRecord): Promise<S3EventRecord> {
    const { bucket, object } = record.s3;
    const metadata = await this.s3rver.store.getMetadata(bucket.name, object.key).catch(() => undefined);
    return metadata
      ? { ...record, s3: { bucket, object: { ...object, eTag: JSON.parse(metadata.etag) as string } } }
      : record;
  }

  private enqueue(record: S3EventRecord | Promise<S3EventRecord>): void {
    this.delivered = this.delivered
      .then(async () => {
        const ready = await record;
        try {
          await this.options.onEvent(ready);
        } catch (error) {
          this.options.onError(error, ready);
        }
      })
      .catch(() => undefined); // a throwing onError must not stop later deliveries
  }

  private isRequest(method: string, queryParameter: string): boolean {
    const request = requestContext.getStore();
    return request?.method === method && request.query.has(queryParameter);
  }
}
