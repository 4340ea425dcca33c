import { Inject, Injectable, OnApplicationShutdown } from '@nestjs/common';
import { JOB_SCHEMAS, JobItem, QueueName, queueOf } from '@mp/contracts';
import { JobsOptions, Queue } from 'bullmq';
import type Redis from 'ioredis';
import { BaseConfig } from '../config';
import { wireNames } from '../messaging/subjects';
import { APP_CONFIG, REDIS_CONNECTION } from '../tokens';

export interface EnqueueOptions {
  /** Deduplicates: a job with the same id that is still known to the queue is not added again. */
  jobId?: string;
  delayMs?: number;
  attempts?: number;
}

export const DEFAULT_JOB_OPTIONS: JobsOptions = {
  attempts: 8,
  backoff: { type: 'exponential', delay: 500 },
  removeOnComplete: { age: 3600, count: 10_000 },
  removeOnFail: false,
};

/** Typed producer: the job name decides queue and payload. */
@Injectable()
export class JobQueue implements OnApplicationShutdown {
  private readonly queues = new Map<QueueName, Queue>();
  private readonly prefix: string;

  constructor(
    @Inject(REDIS_CONNECTION) private readonly redis: Redis,
    @Inject(APP_CONFIG) config: BaseConfig,
  ) {
    this.prefix = wireNames(config.NAMESPACE).bullPrefix;
  }

  async enqueue(item: JobItem, options: EnqueueOptions = {}): Promise<void> {
    const data = JOB_SCHEMAS[item.name].data.parse(item.data);
    await this.queue(queueOf(item.name)).add(item.name, data, {
      ...DEFAULT_JOB_OPTIONS,
      ...(options.attempts ? { attempts: options.attempts } : {}),
      jobId: options.jobId,
      delay: options.delayMs,
    });
  }

  /** A recurring job; BullMQ runs each occurrence once however many instances schedule it. */
  async schedule(item: JobItem, options: { everyMs: number }): Promise<void> {
    const data = JOB_SCHEMAS[item.name].data.parse(item.data);
    await this.queue(queueOf(item.name)).upsertJobScheduler(
      `every-${item.name}`,
      { every: options.everyMs },
      {
        name: item.name,
        data,
        opts: { ...DEFAULT_JOB_OPTIONS, attempts: 1, removeOnFail: { age: 24 * 3600, count: 100 } },
      },
    );
  }

  queue(name: QueueName): Queue {
    let queue = this.queues.get(name);
    if (!queue) {
      queue = new Queue(name, { connection: this.redis, prefix: this.prefix });
      this.queues.set(name, queue);
    }
    return queue;
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.allSettled([...this.queues.values()].map((q) => q.close()));
  }
}
