import { Inject, Injectable } from '@nestjs/common';
import { JobItem } from '@mp/contracts';
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

  /** All items with one Redis round trip; when that fails, one at a time (the sweep adds what still fails). */
  async enqueue(items: Array<Pick<QueueItemRow, 'id' | 'queue_type'>>): Promise<number> {
    if (items.length === 0) return 0;
    try {
      await this.jobs.enqueueMany(items.map((item) => ({ item: jobOf(item), options: { jobId: item.id } })));
      return items.length;
    } catch (err) {
      this.logger.warn(
        { err, items: items.length },
        'Could not enqueue image queue items together; adding them one by one',
      );
    }
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
    return this.jobs.enqueue(jobOf(item), { jobId: item.id });
  }
}

function jobOf(item: Pick<QueueItemRow, 'id' | 'queue_type'>): JobItem {
  return item.queue_type === 'delete'
    ? { name: 'RunImageDelete', data: { queue_id: item.id } }
    : { name: 'RunImageOperation', data: { queue_id: item.id } };
}
