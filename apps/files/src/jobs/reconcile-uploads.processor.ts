import { JobQueue, ScheduledSweep, Sweeper } from '@mp/platform';
import { ObjectStorage } from '@mp/storage';
import { FilesConfig } from '../app.config';
import { FileEntity } from '../files/file.entity';
import { FileRepository } from '../files/file.repository';
import { StagingObjectSweep } from '../uploads/staging-object.sweep';
import { verifyUploadJobId } from '../verification/verify-upload-job-id';

const MIN_AGE_MS = 1000;
const STAGING_PAGE = 200;

/**
 * The safety net for stores without object events (and for events lost while NATS was down):
 * pending sessions whose object exists (at the staging key the form writes, or in place for
 * sessions without one) are verified; sessions past their upload window are dropped; staging
 * objects no pending session waits for are deleted.
 */
@ScheduledSweep<FilesConfig>('ReconcileUploads', 'RECONCILE_INTERVAL_MS', { batch: 200, seen: 'checked' })
export class ReconcileUploadsProcessor implements Sweeper<FileEntity> {
  constructor(
    private readonly files: FileRepository,
    private readonly storage: ObjectStorage,
    private readonly queue: JobQueue,
    private readonly staging: StagingObjectSweep,
  ) {}

  nextBatch(limit: number): Promise<FileEntity[]> {
    return this.files.claimPendingForReconcile(limit, MIN_AGE_MS);
  }

  async sweepBatch(pending: FileEntity[]): Promise<{ found: number; abandoned: number; staging_leftovers: number }> {
    const abandoned: string[] = [];
    let found = 0;
    for (const file of pending) {
      const uploadKey = file.staging_key ?? file.object_key;
      const head = await this.storage.head(uploadKey);
      if (head) {
        found++;
        await this.queue.enqueue(
          { name: 'VerifyUpload', data: { object_key: uploadKey, trigger: 'reconcile' } },
          { jobId: verifyUploadJobId(uploadKey, head.etag, head.lastModified.toISOString()) },
        );
      } else if (file.upload_expires_at.getTime() < Date.now()) {
        abandoned.push(file.id);
      }
    }
    await this.files.deleteAbandoned(abandoned);
    const leftovers = await this.staging.sweepPage(STAGING_PAGE);
    return { found, abandoned: abandoned.length, staging_leftovers: leftovers };
  }
}
