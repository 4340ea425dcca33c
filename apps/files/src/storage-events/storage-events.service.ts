import { Inject, Injectable } from '@nestjs/common';
import { EventEnvelope, MEDIA_TEMP_PREFIX, StorageObjectEvent } from '@mp/contracts';
import { APP_CONFIG, EventHandler, JobQueue } from '@mp/platform';
import { FilesConfig } from '../app.config';
import { isStagingKey } from '../uploads/staging-key';
import { verifyUploadJobId } from '../verification/verify-upload-job-id';

/** Object-store notifications (JetStream from the embedded server or MinIO, or the webhook) → verification jobs. */
@Injectable()
export class StorageEventsService {
  constructor(
    private readonly queue: JobQueue,
    @Inject(APP_CONFIG) private readonly config: FilesConfig,
  ) {}

  @EventHandler({ subject: 'storage.object.created', concurrency: 32 })
  async onObjectCreated(event: EventEnvelope<'storage.object.created'>): Promise<void> {
    await this.accept(event.data);
  }

  async accept(event: StorageObjectEvent): Promise<boolean> {
    if (event.bucket !== this.config.S3_BUCKET || !this.isUploadKey(event.key)) return false;
    await this.queue.enqueue(
      { name: 'VerifyUpload', data: { object_key: event.key, trigger: 'storage-event' } },
      { jobId: verifyUploadJobId(event.key, event.etag, this.isStagingKey(event.key) ? event.event_time : undefined) },
    );
    return true;
  }

  /** A form may be posted again with the same bytes: each such write must be looked at (and deleted). */
  private isStagingKey(key: string): boolean {
    return isStagingKey(this.config.OBJECT_KEY_PREFIX, key);
  }

  /** Upload sessions (and their staging keys) live under the platform prefix or, for seed 003's presigned PUT, under `temp/`. */
  private isUploadKey(key: string): boolean {
    return key.startsWith(`${this.config.OBJECT_KEY_PREFIX}/`) || key.startsWith(MEDIA_TEMP_PREFIX);
  }
}
