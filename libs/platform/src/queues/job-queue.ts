import { Inject, Injectable, OnApplicationShutdown } from '@nestjs/common';
import { JOB_SCHEMAS, JobItem, QueueName, queueOf } from '@mp/contracts';
import { JobsOptions, Queue } from 'bullmq';
import type Redis from 'ioredis';
import { WireNames } from '../messaging/subjects';
import { REDIS_CONNECTION, WIRE_NAMES } from '../tokens';
import { JOB_RETRY_OVERRIDES, RetryOverrides, retryPolicyOf } from './job-retry-policy';

export interface EnqueueOptions {
  /** Deduplicates: a job with the same id that is still known to the queue is not added again. */
  jobId?: string;
  delayMs?: number;
}

/** How long finished jobs are kept; retries come from the job's retry policy. */
const RETENTION: JobsOptions = { removeOnComplete: { age: 3600, count: 10_000 }, removeOnFail: false };
const SCHEDULED_RETENTION: JobsOptions = { ...RETENTION, removeOnFail: { age: 24 * 3600, count: 100 } };

/** Typed producer: the job name decides queue and payload. */
@Injectable()
export class JobQueue implements OnApplicationShutdown {
  private readonly queues = new Map<QueueName, Queue>();
  private readonly prefix: string;

  constructor(
    @Inject(REDIS_CONNECTION) private readonly redis: Redis,
    @Inject(WIRE_NAMES) names: WireNames,
    @Inject(JOB_RETRY_OVERRIDES) private readonly retry: RetryOverrides,
  ) {
    this.prefix = names.bullPrefix;
  }

  async enqueue(item: JobItem, options: EnqueueOptions = {}): Promise<void> {
    const data = JOB_SCHEMAS[item.name].data.parse(item.data);
    await this.queue(queueOf(item.name)).add(item.name, data, {
      ...RETENTION,
      ...retryPolicyOf(item.name, this.retry),
      jobId: options.jobId,
      delay: options.delayMs,
    });
  }

  /** Adds many jobs with one Redis round trip per queue (BullMQ addBulk: all or none of a queue's jobs). */
  async enqueueMany(entries: Array<{ item: JobItem; options?: EnqueueOptions }>): Promise<void> {
    const byQueue = new Map<QueueName, Parameters<Queue['addBulk']>[0]>();
    for (const { item, options = {} } of entries) {
      const data = JOB_SCHEMAS[item.name].data.parse(item.data);
      const queue = queueOf(item.name);
      const jobs = byQueue.get(queue) ?? [];
      jobs.push({
        name: item.name,
        data,
        opts: { ...RETENTION, ...retryPolicyOf(item.name, this.retry), jobId: options.jobId, delay: options.delayMs },
      });
      byQueue.set(queue, jobs);
    }
    await Promise.all([...byQueue].map(([queue, jobs]) => this.queue(queue).addBulk(jobs)));
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
        opts: { ...SCHEDULED_RETENTION, ...retryPolicyOf(item.name, this.retry) },
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
