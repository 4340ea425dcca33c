import { Inject, Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { APP_CONFIG, JobHandler, JobQueue, LOGGER } from '@mp/platform';
import { ObjectStorage } from '@mp/storage';
import type { Logger } from 'pino';
import { FilesConfig } from '../app.config';
import { MediaResourceRepository } from './media-resource.repository';

const BATCH = 200;
const MAX_BATCHES_PER_RUN = 25;

/**
 * Garbage-collects media resources nobody links to any more (row and object), once they have been
 * unattached and unused for MEDIA_GC_GRACE_MS. Scheduled every MEDIA_GC_INTERVAL_MS.
 */
@Injectable()
export class CollectMediaResourcesProcessor implements OnApplicationBootstrap {
  constructor(
    private readonly repository: MediaResourceRepository,
    private readonly storage: ObjectStorage,
    private readonly queue: JobQueue,
    @Inject(APP_CONFIG) private readonly config: FilesConfig,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.queue.schedule(
      { name: 'CollectMediaResources', data: {} },
      { everyMs: this.config.MEDIA_GC_INTERVAL_MS },
    );
  }

  @JobHandler('CollectMediaResources')
  async handle(): Promise<{ deleted: number }> {
    const grace = this.config.MEDIA_GC_GRACE_MS;
    let deleted = 0;
    for (let batch = 0; batch < MAX_BATCHES_PER_RUN; batch++) {
      const ids = await this.repository.findUnattached(grace, BATCH);
      for (const id of ids)
        if (await this.repository.deleteUnattached(id, grace, (key) => this.storage.delete(key))) deleted++;
      if (ids.length < BATCH) break;
    }
    if (deleted) this.logger.info({ deleted }, 'Collected unattached media resources');
    return { deleted };
  }
}
