import { Inject, Injectable } from '@nestjs/common';
import { JobQueue, LOGGER } from '@mp/platform';
import type { Logger } from 'pino';
import { QueueItemRow } from './queue-item.repository';

/**
 * Adds the BullMQ job of committed queue items. The job id is the queue id, so adding twice (an
 * answer and the re-drive sweep) runs once. A failure is logged: the item stays W and the sweep
 * adds it later.
 */
@Injectable()
export class ImageJobEnqueuer {
  constructor(
    private readonly jobs: JobQueue,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  async enqueue(items: Array<Pick<QueueItemRow, 'id' | 'queue_type'>>): Promise<number> {
    let added = 0;
    for (const item of items) {
      try {
        await this.enqueueOrThrow(item);
        added++;
      } catch (err) {
        this.logger.error({ err, queueId: item.id }, 'Could not enqueue an image queue item; the re-drive sweep will');
      }
    }
    return added;
  }

  enqueueOrThrow(item: Pick<QueueItemRow, 'id' | 'queue_type'>): Promise<void> {
    const options = { jobId: item.id };
    return item.queue_type === 'delete'
      ? this.jobs.enqueue({ name: 'RunImageDelete', data: { queue_id: item.id } }, options)
      : this.jobs.enqueue({ name: 'RunImageOperation', data: { queue_id: item.id } }, options);
  }
}
