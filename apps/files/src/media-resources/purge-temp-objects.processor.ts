import { Inject, Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { APP_CONFIG, JobHandler, JobQueue, LOGGER } from '@mp/platform';
import { ObjectStorage } from '@mp/storage';
import type { Logger } from 'pino';
import { FilesConfig } from '../app.config';
import { TEMP_PREFIX } from './media-object-key';

const PAGE = 1000;
const MAX_PAGES_PER_RUN = 50;

/**
 * Deletes `temp/` objects older than TEMP_OBJECT_TTL_MS (24 h by default): uploads that were never
 * ingested. Scheduled every TEMP_PURGE_INTERVAL_MS.
 */
@Injectable()
export class PurgeTempObjectsProcessor implements OnApplicationBootstrap {
  constructor(
    private readonly storage: ObjectStorage,
    private readonly queue: JobQueue,
    @Inject(APP_CONFIG) private readonly config: FilesConfig,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.queue.schedule({ name: 'PurgeTempObjects', data: {} }, { everyMs: this.config.TEMP_PURGE_INTERVAL_MS });
  }

  @JobHandler('PurgeTempObjects')
  async handle(): Promise<{ purged: number }> {
    const cutoff = Date.now() - this.config.TEMP_OBJECT_TTL_MS;
    let cursor: string | undefined;
    let purged = 0;
    for (let page = 0; page < MAX_PAGES_PER_RUN; page++) {
      const list = await this.storage.list({ prefix: TEMP_PREFIX, cursor, limit: PAGE });
      const stale = list.objects.filter((o) => o.lastModified.getTime() < cutoff).map((o) => o.key);
      if (stale.length) await this.storage.deleteMany(stale);
      purged += stale.length;
      cursor = list.nextCursor;
      if (!cursor) break;
    }
    if (purged) this.logger.info({ purged }, 'Purged temp objects never ingested');
    return { purged };
  }
}
