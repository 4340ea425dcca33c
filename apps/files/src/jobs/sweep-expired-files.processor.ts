import { Outbox, ScheduledSweep, Sweeper } from '@mp/platform';
import { ObjectStorage } from '@mp/storage';
import { FilesConfig } from '../app.config';
import { Clock } from '../clock/clock';
import { FileRepository } from '../files/file.repository';
import { fileDeletedEvent } from '../files/file-deleted.event';

/**
 * Purges files past `expires_at`: object, record, and `files.file.deleted` (reason `expired`) so
 * the index drops them. Expired files are already invisible before this runs; files under legal
 * hold have no expiry. Scheduled every EXPIRY_SWEEP_INTERVAL_MS.
 */
@ScheduledSweep<FilesConfig>('SweepExpiredFiles', 'EXPIRY_SWEEP_INTERVAL_MS', { batch: 200, maxBatches: 25 })
export class SweepExpiredFilesProcessor implements Sweeper<string> {
  constructor(
    private readonly files: FileRepository,
    private readonly storage: ObjectStorage,
    private readonly outbox: Outbox,
    private readonly clock: Clock,
  ) {}

  nextBatch(limit: number): Promise<string[]> {
    return this.files.findExpiredIds(this.clock.now(), limit);
  }

  async sweepBatch(ids: string[]): Promise<{ purged: number }> {
    const now = this.clock.now();
    let purged = 0;
    for (const id of ids) if (await this.purge(id, now)) purged++;
    return { purged };
  }

  private purge(id: string, now: Date): Promise<boolean> {
    return this.outbox.transaction(async (manager, emit) => {
      const file = await this.files.lockExpired(manager, id, now);
      if (!file) return false;
      await this.files.deleteById(manager, file.id);
      await emit('files.file.deleted', fileDeletedEvent(file, 'expired'));
      await this.storage.delete(file.object_key);
      return true;
    });
  }
}
