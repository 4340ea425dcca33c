import { Inject } from '@nestjs/common';
import { APP_CONFIG, ScheduledSweep, Sweeper, SweepPage } from '@mp/platform';
import { keysOlderThan, ListedObject, ObjectStorage, objectPage } from '@mp/storage';
import { FilesConfig } from '../app.config';
import { TEMP_PREFIX } from './media-object-key';
import { TempObjectOwner } from './temp-object-owner';

/**
 * Deletes `temp/` objects older than TEMP_OBJECT_TTL_MS (24 h by default): uploads that were never
 * ingested (their upload sessions leave the storage search with them). Scheduled every TEMP_PURGE_INTERVAL_MS; pages through the prefix.
 */
@ScheduledSweep<FilesConfig>('PurgeTempObjects', 'TEMP_PURGE_INTERVAL_MS', { batch: 1000, maxBatches: 50 })
export class PurgeTempObjectsProcessor implements Sweeper<ListedObject> {
  constructor(
    private readonly storage: ObjectStorage,
    private readonly owner: TempObjectOwner,
    @Inject(APP_CONFIG) private readonly config: FilesConfig,
  ) {}

  async nextBatch(limit: number, cursor: string | undefined): Promise<SweepPage<ListedObject>> {
    return objectPage(this.storage, TEMP_PREFIX, limit, cursor);
  }

  async sweepBatch(objects: ListedObject[]): Promise<{ purged: number }> {
    const stale = keysOlderThan(objects, this.config.TEMP_OBJECT_TTL_MS);
    if (stale.length) await this.storage.deleteMany(stale);
    for (const key of stale) await this.owner.retire(key);
    return { purged: stale.length };
  }
}
