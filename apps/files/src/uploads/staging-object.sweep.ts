import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, LOGGER } from '@mp/platform';
import { ObjectStorage } from '@mp/storage';
import type { Logger } from 'pino';
import { FilesConfig } from '../app.config';
import { FileRepository } from '../files/file.repository';
import { StagedWriteMetrics } from '../verification/staged-write.metrics';
import { stagingPrefixOf } from './staging-key';

/**
 * Deletes staging objects no session waits for any more: those of activated or rejected sessions
 * (a form posted again whose event was lost) and those without a session (expired and dropped).
 * A session's staging object only exists after the session is committed, so none is ever new to it.
 * Walks the staging prefix a page per call, where the last call stopped.
 */
@Injectable()
export class StagingObjectSweep {
  private cursor: string | undefined;

  constructor(
    private readonly files: FileRepository,
    private readonly storage: ObjectStorage,
    private readonly metrics: StagedWriteMetrics,
    @Inject(APP_CONFIG) private readonly config: FilesConfig,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  async sweepPage(limit: number): Promise<number> {
    const page = await this.storage.list({
      prefix: stagingPrefixOf(this.config.OBJECT_KEY_PREFIX),
      cursor: this.cursor,
      limit,
    });
    this.cursor = page.nextCursor;
    const status = await this.files.statusByStagingKey(page.objects.map((o) => o.key));
    const leftovers = page.objects.map((o) => o.key).filter((key) => status.get(key) !== 'pending');
    if (!leftovers.length) return 0;
    await this.storage.deleteMany(leftovers);
    for (const key of leftovers) {
      const session = status.get(key);
      this.metrics.recordIgnored(session === 'active' || session === 'rejected' ? `session-${session}` : 'no-session');
    }
    this.logger.warn({ count: leftovers.length }, 'Staging objects of decided or dropped upload sessions deleted');
    return leftovers.length;
  }
}
