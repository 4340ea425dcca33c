import { availableParallelism } from 'node:os';

/**
 * Jobs per available core: one computing while another waits on a storage or database round trip.
 * Measured, not assumed: `BENCH_IMAGE_TUNE=1 pnpm bench image-ops` times raw sharp over files at
 * once × libvips threads. On 2 cores throughput plateaus from 3–4 files at once (3–8 × 1–2 threads
 * within 10 % of each other; 1 at once reaches little more than half of it, 2 at once ~85 %), so 2 per core is the
 * smallest setting on the plateau, which keeps memory (a source and its decode per job) lowest
 * (bench/results/image-ops.json, `raw_sharp_tuning`).
 */
export const JOBS_PER_CORE = 2;

/** The default IMAGE_WORKER_CONCURRENCY: two jobs per core this process may use, at most 64. */
export function defaultWorkerConcurrency(cores: number = availableParallelism()): number {
  return Math.min(64, Math.max(1, JOBS_PER_CORE * cores));
}
