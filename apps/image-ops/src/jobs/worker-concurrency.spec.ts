import { availableParallelism } from 'node:os';
import { imageOpsConfigSchema } from '../app.config';
import { defaultWorkerConcurrency } from './worker-concurrency';

describe('image worker concurrency', () => {
  it('runs two jobs per core, within 1..64', () => {
    expect([1, 2, 8, 40].map((cores) => defaultWorkerConcurrency(cores))).toEqual([2, 4, 16, 64]);
    expect(defaultWorkerConcurrency(0)).toBe(1);
  });

  it('defaults to two per core of this machine, and the environment overrides it', () => {
    const setting = imageOpsConfigSchema.shape.IMAGE_WORKER_CONCURRENCY;
    expect(setting.parse(undefined)).toBe(Math.min(64, 2 * availableParallelism()));
    expect(setting.parse('3')).toBe(3);
    expect(setting.safeParse('0').success).toBe(false);
  });
});
