import { Inject } from '@nestjs/common';
import { APP_CONFIG, ScheduledSweep, Sweeper, SweepPage } from '@mp/platform';
import { keysOlderThan, ListedObject, ObjectStorage, objectPage } from '@mp/storage';
import { ImageOpsConfig } from '../app.config';
import { ImageTreeRepository } from '../tree/image-tree.repository';

/** Every stored byte of the image API lives under this prefix (uploads and image versions). */
const IMAGE_OBJECTS_PREFIX = 'image/';

/**
 * Deletes objects under `image/` that no image references and that are older than
 * IMAGE_ORPHAN_GRACE_MS: bodies the gateway stored for a request image-ops never received (killed
 * mid-request, NATS down), versions written by a job that died before its commit, replaced
 * versions whose delete was lost. Younger objects may still be on their way to a commit.
 */
@ScheduledSweep<ImageOpsConfig>('CollectImageOrphans', 'IMAGE_ORPHAN_SWEEP_INTERVAL_MS', {
  batch: 1000,
  maxBatches: 50,
  level: 'warn',
})
export class CollectImageOrphansProcessor implements Sweeper<ListedObject> {
  constructor(
    private readonly storage: ObjectStorage,
    private readonly tree: ImageTreeRepository,
    @Inject(APP_CONFIG) private readonly config: ImageOpsConfig,
  ) {}

  async nextBatch(limit: number, cursor: string | undefined): Promise<SweepPage<ListedObject>> {
    return objectPage(this.storage, IMAGE_OBJECTS_PREFIX, limit, cursor);
  }

  async sweepBatch(objects: ListedObject[]): Promise<{ deleted: number }> {
    const orphans = await this.tree.unreferencedKeys(keysOlderThan(objects, this.config.IMAGE_ORPHAN_GRACE_MS));
    if (orphans.length) await this.storage.deleteMany(orphans);
    return { deleted: orphans.length };
  }
}
