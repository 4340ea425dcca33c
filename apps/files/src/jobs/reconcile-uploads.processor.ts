import { Inject, Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { APP_CONFIG, JobHandler, JobQueue, LOGGER } from '@mp/platform';
import { ObjectStorage } from '@mp/storage';
import type { Logger } from 'pino';
import { FilesConfig } from '../app.config';
import { FileRepository } from '../files/file.repository';
import { verifyUploadJobId } from '../verification/verify-upload-job-id';

const BATCH = 200;
const MIN_AGE_MS = 1000;

/**
 * The safety net for stores without object events (and for events lost while NATS was down):
 * pending sessions whose object exists are verified; sessions past their upload window are dropped.
 */
@Injectable()
export class ReconcileUploadsProcessor implements OnApplicationBootstrap {
  constructor(
    private readonly files: FileRepository,
    private readonly storage: ObjectStorage,
    private readonly queue: JobQueue,
    @Inject(APP_CONFIG) private readonly config: FilesConfig,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.queue.schedule({ name: 'ReconcileUploads', data: {} }, { everyMs: this.config.RECONCILE_INTERVAL_MS });
  }

  @JobHandler('ReconcileUploads')
  async handle(): Promise<{ checked: number; found: number; abandoned: number }> {
    const pending = await this.files.claimPendingForReconcile(BATCH, MIN_AGE_MS);
    const abandoned: string[] = [];
    let found = 0;
    for (const file of pending) {
      const head = await this.storage.head(file.object_key);
      if (head) {
        found++;
        await this.queue.enqueue(
          { name: 'VerifyUpload', data: { object_key: file.object_key, trigger: 'reconcile' } },
          { jobId: verifyUploadJobId(file.object_key, head.etag) },
        );
      } else if (file.upload_expires_at.getTime() < Date.now()) {
        abandoned.push(file.id);
      }
    }
    await this.files.deleteAbandoned(abandoned);
    if (found || abandoned.length)
      this.logger.info({ checked: pending.length, found, abandoned: abandoned.length }, 'Reconciled pending uploads');
    return { checked: pending.length, found, abandoned: abandoned.length };
  }
}
