import type { QueueName } from '@mp/contracts';
import type Redis from 'ioredis';

/** How this app's BullMQ workers connect and run. */
export interface WorkerSettings {
  connection: Redis;
  /** The namespace's key prefix (`WireNames.bullPrefix`). */
  prefix: string;
  lockDurationMs: number;
  concurrency: Partial<Record<QueueName, number>>;
}

export const WORKER_SETTINGS = Symbol('WORKER_SETTINGS');
