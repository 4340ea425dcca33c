import { Inject, Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { queueOf } from '@mp/contracts';
import { APP_CONFIG, JobHandler, JobQueue, LOGGER } from '@mp/platform';
import type { Logger } from 'pino';
import { ImageOpsConfig } from '../app.config';
import { ImageJobEnqueuer } from '../execution/image-job.enqueuer';
import { QueueItemRepository } from '../execution/queue-item.repository';

const BATCH = 500;

/**
 * Safety net for queue items committed as W whose job was never added (Redis down right after the
 * commit) or whose job failed before it could take the item: re-adds the job (same id, so a job
 * still known to the queue is not doubled) or retries the failed one.
 */
@Injectable()
export class RedriveImageQueueProcessor implements OnApplicationBootstrap {
  constructor(
    private readonly items: QueueItemRepository,
    private readonly enqueuer: ImageJobEnqueuer,
    private readonly queue: JobQueue,
    @Inject(APP_CONFIG) private readonly config: ImageOpsConfig,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.queue.schedule(
      { name: 'RedriveImageQueue', data: {} },
      { everyMs: this.config.IMAGE_REDRIVE_INTERVAL_MS },
    );
  }

  @JobHandler('RedriveImageQueue')
  async handle(): Promise<{ waiting: number; added: number; retried: number }> {
    const stale = await this.items.waitingSince(new Date(Date.now() - this.config.IMAGE_REDRIVE_AFTER_MS), BATCH);
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
    if (added || retried)
      this.logger.warn({ waiting: stale.length, added, retried }, 'Re-drove waiting image queue items');
    return { waiting: stale.length, added, retried };
  }
}
