import { Inject } from '@nestjs/common';
import { APP_CONFIG, ScheduledSweep, Sweeper } from '@mp/platform';
import { ObjectStorage } from '@mp/storage';
import { FilesConfig } from '../app.config';
import { MediaResourceRepository } from './media-resource.repository';

/**
 * Garbage-collects media resources nobody links to any more (row and object), once they have been
 * unattached and unused for MEDIA_GC_GRACE_MS. Scheduled every MEDIA_GC_INTERVAL_MS.
 */
@ScheduledSweep<FilesConfig>('CollectMediaResources', 'MEDIA_GC_INTERVAL_MS', { batch: 200, maxBatches: 25 })
export class CollectMediaResourcesProcessor implements Sweeper<string> {
  constructor(
    private readonly repository: MediaResourceRepository,
    private readonly storage: ObjectStorage,
    @Inject(APP_CONFIG) private readonly config: FilesConfig,
  ) {}

  nextBatch(limit: number): Promise<string[]> {
    return this.repository.findUnattached(this.config.MEDIA_GC_GRACE_MS, limit);
  }

  async sweepBatch(ids: string[]): Promise<{ deleted: number }> {
    const deleteObject = (key: string) => this.storage.delete(key);
    let deleted = 0;
    for (const id of ids)
      if (await this.repository.deleteUnattached(id, this.config.MEDIA_GC_GRACE_MS, deleteObject)) deleted++;
    return { deleted };
  }
}
