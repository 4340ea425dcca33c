import { Inject, Injectable } from '@nestjs/common';
import { EventEnvelope } from '@mp/contracts';
import { EventHandler, LOGGER } from '@mp/platform';
import type { Logger } from 'pino';
import { SEARCH_BACKEND, SearchBackend } from '../search/search-backend';

/**
 * Keeps the index in step with `files`. Delivery is at-least-once and unordered across
 * redeliveries: the backend applies a document only when it is newer than the stored one and
 * never after the file's deletion, so replays and late events are harmless.
 */
@Injectable()
export class FileIndexingService {
  constructor(
    @Inject(SEARCH_BACKEND) private readonly backend: SearchBackend,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  @EventHandler('files.file.uploaded')
  async onUploaded(event: EventEnvelope<'files.file.uploaded'>): Promise<void> {
    const { file } = event.data;
    const { applied } = await this.backend.upsert({ document: file });
    if (!applied) this.logger.debug({ eventId: event.id, fileId: file.file_id, updatedAt: file.updated_at }, 'Stale or deleted document ignored');
  }

  /** The deletion time is the event's: `files` emits it in the transaction that deletes the file. */
  @EventHandler('files.file.deleted')
  async onDeleted(event: EventEnvelope<'files.file.deleted'>): Promise<void> {
    const { file_id, team_id } = event.data;
    const { applied } = await this.backend.remove({ file_id, team_id, deleted_at: event.occurred_at });
    if (!applied) this.logger.debug({ eventId: event.id, fileId: file_id }, 'File already deleted from the index');
  }
}
