import { Inject, Injectable } from '@nestjs/common';
import { EventEnvelope } from '@mp/contracts';
import { APP_CONFIG, EventHandler, LOGGER } from '@mp/platform';
import type { Logger } from 'pino';
import { SearchIndexerConfig } from '../app.config';
import { SEARCH_BACKEND, SearchBackend } from '../search/search-backend';
import { UpsertBatcher } from './upsert-batcher';

/** Upload events handled at once; their documents are written in batches (INDEX_BATCH_SIZE). */
const UPLOAD_CONCURRENCY = 480;

/**
 * Keeps the index in step with `files`. Delivery is at-least-once and unordered across
 * redeliveries: the backend applies a document only when it is newer than the stored one and
 * never after the file's deletion, so replays and late events are harmless.
 */
@Injectable()
export class FileIndexingService {
  private readonly batcher: UpsertBatcher;

  constructor(
    @Inject(SEARCH_BACKEND) private readonly backend: SearchBackend,
    @Inject(APP_CONFIG) config: SearchIndexerConfig,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {
    this.batcher = new UpsertBatcher((documents) => this.backend.upsertMany({ documents }), config.INDEX_BATCH_SIZE);
  }

  /** Acknowledged once the batch holding this document is written. */
  @EventHandler({ subject: 'files.file.uploaded', concurrency: UPLOAD_CONCURRENCY })
  async onUploaded(event: EventEnvelope<'files.file.uploaded'>): Promise<void> {
    const { file } = event.data;
    const applied = await this.batcher.submit(file);
    if (!applied)
      this.logger.debug(
        { eventId: event.id, fileId: file.file_id, updatedAt: file.updated_at },
        'Stale or deleted document ignored',
      );
  }

  /** The deletion time is the event's: `files` emits it in the transaction that deletes the file. */
  @EventHandler('files.file.deleted')
  async onDeleted(event: EventEnvelope<'files.file.deleted'>): Promise<void> {
    const { file_id, team_id } = event.data;
    const { applied } = await this.backend.remove({ file_id, team_id, deleted_at: event.occurred_at });
    if (!applied) this.logger.debug({ eventId: event.id, fileId: file_id }, 'File already deleted from the index');
  }
}
