import { availableParallelism } from 'node:os';

/** Jobs per available core: one computing while another waits on a storage or database round trip. */
export const JOBS_PER_CORE = 2;

/** The default IMAGE_WORKER_CONCURRENCY: two jobs per core this process may use, at most 64. */
export function defaultWorkerConcurrency(cores: number = availableParallelism()): number {
  return Math.min(64, Math.max(1, JOBS_PER_CORE * cores));
}
