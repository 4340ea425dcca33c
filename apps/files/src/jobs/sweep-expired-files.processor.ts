import { Inject, Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { APP_CONFIG, JobHandler, JobQueue, LOGGER, Outbox } from '@mp/platform';
import { ObjectStorage } from '@mp/storage';
import type { Logger } from 'pino';
import { FilesConfig } from '../app.config';
import { Clock } from '../clock/clock';
import { FileRepository } from '../files/file.repository';

const BATCH = 200;
const MAX_BATCHES_PER_RUN = 25;

/**
 * Purges files past `expires_at`: object, record, and `files.file.deleted` (reason `expired`) so
 * the index drops them. Expired files are already invisible before this runs; files under legal
 * hold have no expiry. Scheduled every EXPIRY_SWEEP_INTERVAL_MS.
 */
@Injectable()
export class SweepExpiredFilesProcessor implements OnApplicationBootstrap {
  constructor(
    private readonly files: FileRepository,
    private readonly storage: ObjectStorage,
    private readonly outbox: Outbox,
    private readonly queue: JobQueue,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: FilesConfig,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.queue.schedule(
      { name: 'SweepExpiredFiles', data: {} },
      { everyMs: this.config.EXPIRY_SWEEP_INTERVAL_MS },
    );
  }

  @JobHandler('SweepExpiredFiles')
  async handle(): Promise<{ purged: number }> {
    const now = this.clock.now();
    let purged = 0;
    for (let batch = 0; batch < MAX_BATCHES_PER_RUN; batch++) {
      const ids = await this.files.findExpiredIds(now, BATCH);
      for (const id of ids) if (await this.purge(id, now)) purged++;
      if (ids.length < BATCH) break;
    }
    if (purged) this.logger.info({ purged }, 'Purged expired files');
    return { purged };
  }

  private purge(id: string, now: Date): Promise<boolean> {
    return this.outbox.transaction(async (manager, emit) => {
      const file = await this.files.lockExpired(manager, id, now);
      if (!file) return false;
      await this.files.deleteById(manager, file.id);
      await emit('files.file.deleted', {
        file_id: file.id,
        team_id: file.team_id,
        object_key: file.object_key,
        size: file.size ?? 0,
        reason: 'expired',
      });
      await this.storage.delete(file.object_key);
      return true;
    });
  }
}
