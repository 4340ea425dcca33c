import { Inject, Injectable } from '@nestjs/common';
import { EventEnvelope } from '@mp/contracts';
import { EventHandler, LOGGER } from '@mp/platform';
import type { Logger } from 'pino';
import { SEARCH_BACKEND, SearchBackend } from '../search/search-backend';

/**
 * Metadata updates of `files` (`files.file.updated`) into the index. The event carries the whole
 * document; the backend applies it only when its `updated_at` is newer than the indexed one and the
 * file is not deleted, so redeliveries and out-of-order updates never roll the index back.
 * Deletions (`files.file.deleted`, incl. expiry) are handled by FileIndexingService.
 */
@Injectable()
export class FileLifecycleConsumer {
  constructor(
    @Inject(SEARCH_BACKEND) private readonly backend: SearchBackend,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  @EventHandler('files.file.updated')
  async onUpdated(event: EventEnvelope<'files.file.updated'>): Promise<void> {
    const { file } = event.data;
    const { applied } = await this.backend.upsert({ document: file });
    if (!applied)
      this.logger.debug(
        { eventId: event.id, fileId: file.file_id, updatedAt: file.updated_at },
        'Stale or deleted document update ignored',
      );
  }
}
