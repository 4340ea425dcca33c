import { Injectable } from '@nestjs/common';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { JobData, JobName, queueOf } from '@mp/contracts';
import { createTestInfra, TestInfra, waitFor } from '../../src';
import { Job } from 'bullmq';
import {
  BaseConfig,
  JobContext,
  JobHandler,
  JobQueue,
  MetricsService,
  ScheduledSweep,
  skipJob,
  Sweeper,
} from '@mp/platform';
import { bootPlatform } from './support/boot-platform';

const contexts = new Map<string, JobContext[]>();
/** What the sweep finds: it takes what it is given, `batch` at a time. */
const backlog: string[] = [];

@Injectable()
class Verifier {
  @JobHandler('VerifyUpload')
  verify(data: JobData<'VerifyUpload'>, context: JobContext) {
    contexts.set(data.object_key, [...(contexts.get(data.object_key) ?? []), context]);
    if (data.object_key === 'already-verified') return skipJob('already-verified');
    if (data.object_key === 'always-fails') throw new Error('the store is down');
    return { verified: data.object_key };
  }
}

// Scheduled every 30 s (the lock duration setting): no scheduled run comes between the runs of the test.
@ScheduledSweep<BaseConfig>('ReconcileUploads', 'JOB_LOCK_DURATION_MS', { batch: 2, maxBatches: 2, seen: 'looked_at' })
class BacklogSweep implements Sweeper<string> {
  async nextBatch(limit: number): Promise<string[]> {
    return backlog.slice(0, limit);
  }
  async sweepBatch(items: string[]): Promise<Record<string, number>> {
    backlog.splice(0, items.length);
    return { cleared: items.length };
  }
}

/** What happens to jobs on a real Redis: skips, the retry policy, and sweeps. */
describe('job outcomes', () => {
  let infra: TestInfra;
  let app: NestFastifyApplication;
  let queue: JobQueue;
  let runs = 0;

  beforeAll(async () => {
    infra = await createTestInfra();
    app = await bootPlatform(infra, {
      app: 'jobs-test',
      providers: [Verifier, BacklogSweep],
      queues: { retry: { VerifyUpload: { attempts: 2, backoff: { type: 'fixed', delay: 10 } } } },
    });
    queue = app.get(JobQueue);
  });

  afterAll(async () => {
    await app?.close();
    await infra?.dispose();
  });

  async function run(name: JobName, data: object, settled: 'completed' | 'failed' = 'completed'): Promise<Job> {
    const jobId = `run-${++runs}`;
    await queue.enqueue({ name, data } as never, { jobId });
    const bull = queue.queue(queueOf(name));
    await waitFor(async () => (await bull.getJobState(jobId)) === settled, { what: `${name} ${settled}` });
    return (await bull.getJob(jobId))!;
  }

  async function counter(metric: 'jobsSkipped' | 'jobsHandled' | 'sweepItems', labels: Record<string, string>) {
    const { values } = await app.get(MetricsService)[metric].get();
    const match = values.find((v) => {
      const present: Record<string, unknown> = v.labels;
      return Object.entries(labels).every(([k, l]) => present[k] === l);
    });
    return match?.value ?? 0;
  }

  it('reports a skipped job as skipped: its reason as return value, a counter and no failure', async () => {
    const job = await run('VerifyUpload', { object_key: 'already-verified', trigger: 'reconcile' });
    expect(job.returnvalue).toEqual({ skipped: 'already-verified' });
    expect(await counter('jobsSkipped', { job: 'VerifyUpload', reason: 'already-verified' })).toBe(1);
    await waitFor(async () => (await counter('jobsHandled', { job: 'VerifyUpload', outcome: 'skipped' })) === 1, {
      what: 'the skipped outcome counted',
    });
    expect(await counter('jobsHandled', { job: 'VerifyUpload', outcome: 'ok' })).toBe(0);
  });

  it('retries a job as its one retry policy says, and tells the handler which attempt is the last', async () => {
    const job = await run('VerifyUpload', { object_key: 'always-fails', trigger: 'reconcile' }, 'failed');
    expect(job.opts.attempts).toBe(2);
    expect(job.attemptsMade).toBe(2);
    expect(contexts.get('always-fails')!.map((c) => [c.attempt, c.maxAttempts])).toEqual([
      [1, 2],
      [2, 2],
    ]);
  });

  it('adds many jobs at once with their retry policy, once per job id, and observes their queue wait', async () => {
    const keys = ['bulk-1', 'bulk-2', 'bulk-3'];
    const entries = keys.map((key) => ({
      item: { name: 'VerifyUpload', data: { object_key: key, trigger: 'reconcile' } } as const,
      options: { jobId: key },
    }));
    await queue.enqueueMany(entries);
    await queue.enqueueMany(entries); // the same ids again: nothing runs twice
    const bull = queue.queue(queueOf('VerifyUpload'));
    await waitFor(
      async () => (await Promise.all(keys.map((k) => bull.getJobState(k)))).every((s) => s === 'completed'),
      {
        what: 'the bulk-added jobs to complete',
      },
    );
    for (const key of keys) {
      expect(contexts.get(key)).toHaveLength(1);
      expect((await bull.getJob(key))!.opts.attempts).toBe(2);
    }
    const wait = await app.get(MetricsService).jobQueueWait.get();
    const count = wait.values.find(
      (v) => v.metricName === 'job_queue_wait_seconds_count' && v.labels.job === 'VerifyUpload',
    );
    expect(count?.value).toBeGreaterThanOrEqual(3);
    await queue.enqueueMany([]);
  });

  it('runs a sweep batch by batch up to maxBatches and returns its counts', async () => {
    backlog.push('a', 'b', 'c', 'd', 'e');
    const first = await run('ReconcileUploads', {});
    expect(first.opts.attempts).toBe(1);
    expect(first.returnvalue).toEqual({ looked_at: 4, cleared: 4 });
    const second = await run('ReconcileUploads', {});
    expect(second.returnvalue).toEqual({ looked_at: 1, cleared: 1 });
    const idle = await run('ReconcileUploads', {});
    expect(idle.returnvalue).toEqual({ looked_at: 0, cleared: 0 });
    expect(await counter('sweepItems', { job: 'ReconcileUploads', count: 'cleared' })).toBe(5);
  });
});
