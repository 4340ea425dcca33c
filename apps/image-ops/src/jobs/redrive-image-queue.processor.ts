import { Inject } from '@nestjs/common';
import { queueOf } from '@mp/contracts';
import { APP_CONFIG, JobQueue, ScheduledSweep, Sweeper } from '@mp/platform';
import { ImageOpsConfig } from '../app.config';
import { ImageJobEnqueuer } from '../execution/image-job.enqueuer';
import { QueueItemRepository, QueueItemRow } from '../execution/queue-item.repository';

type WaitingItem = Pick<QueueItemRow, 'id' | 'queue_type'>;

/**
 * Safety net for queue items committed as W whose job was never added (Redis down right after the
 * commit) or whose job failed before it could take the item: re-adds the job (same id, so a job
 * still known to the queue is not doubled) or retries the failed one.
 */
@ScheduledSweep<ImageOpsConfig>('RedriveImageQueue', 'IMAGE_REDRIVE_INTERVAL_MS', {
  batch: 500,
  seen: 'waiting',
  level: 'warn',
})
export class RedriveImageQueueProcessor implements Sweeper<WaitingItem> {
  constructor(
    private readonly items: QueueItemRepository,
    private readonly enqueuer: ImageJobEnqueuer,
    private readonly queue: JobQueue,
    @Inject(APP_CONFIG) private readonly config: ImageOpsConfig,
  ) {}

  nextBatch(limit: number): Promise<WaitingItem[]> {
    return this.items.waitingSince(new Date(Date.now() - this.config.IMAGE_REDRIVE_AFTER_MS), limit);
  }

  async sweepBatch(stale: WaitingItem[]): Promise<{ added: number; retried: number }> {
    let added = 0;
    let retried = 0;
    const bull = this.queue.queue(queueOf('RunImageOperation'));
    for (const item of stale) {
      const job = await bull.getJob(item.id);
      if (!job) {
        await this.enqueuer.enqueueOrThrow(item);
        added++;
      } else if (await job.isFailed()) {
        await job.retry('failed');
        retried++;
      }
    }
    return { added, retried };
  }
}
