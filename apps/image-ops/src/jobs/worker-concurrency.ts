import { availableParallelism } from 'node:os';

/**
 * Jobs per available core: one computing while another waits on a storage or database round trip.
 * Measured, not assumed: `BENCH_IMAGE_TUNE=1 pnpm bench image-ops` times raw sharp over files at
 * once × libvips threads; on 2 cores 4 at once × 2 threads (this default and IMAGE_THREADS') was
 * the fastest of 1–8 × 1–2 (bench/results/image-ops.json, `raw_sharp_tuning`).
 */
export const JOBS_PER_CORE = 2;

/** The default IMAGE_WORKER_CONCURRENCY: two jobs per core this process may use, at most 64. */
export function defaultWorkerConcurrency(cores: number = availableParallelism()): number {
  return Math.min(64, Math.max(1, JOBS_PER_CORE * cores));
}
