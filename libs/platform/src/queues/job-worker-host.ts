import { BeforeApplicationShutdown, Inject, Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { JOB_SCHEMAS, JobName, QueueName } from '@mp/contracts';
import { Job, UnrecoverableError, Worker } from 'bullmq';
import type { Logger } from 'pino';
import { BaseConfig } from '../config';
import { assertUnique, DiscoveredHandler } from '../discovery/discover-handlers';
import { DiscoveredProvider, HandlerDiscovery } from '../discovery/handler-discovery';
import { MetricsService } from '../metrics';
import { APP_CONFIG, LOGGER } from '../tokens';
import { JOB_HANDLER, JobContext, JobHandlerOptions } from './job-handler.decorator';
import { JobQueue } from './job-queue';
import { JobSkipped } from './job-skip';
import { SCHEDULED_SWEEP, Sweeper, SweepOptions } from './scheduled-sweep.decorator';
import { runSweep, sweepInterval } from './sweep-runner';
import { WORKER_SETTINGS, WorkerSettings } from './worker-settings';

type DiscoveredSweep = DiscoveredProvider<SweepOptions>;

/** A failure that retrying cannot fix. */
export class PermanentJobError extends UnrecoverableError {}

/**
 * Starts one BullMQ worker per queue this app handles (@JobHandler methods and @ScheduledSweep
 * providers) and schedules the sweeps, again whenever Redis reconnects. Refuses to boot when a job of a handled queue has no
 * handler, or two. On shutdown, stops fetching and waits for active jobs.
 */
@Injectable()
export class JobWorkerHost implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly workers: Worker[] = [];

  constructor(
    private readonly discovery: HandlerDiscovery,
    private readonly metrics: MetricsService,
    private readonly queue: JobQueue,
    @Inject(WORKER_SETTINGS) private readonly settings: WorkerSettings,
    @Inject(APP_CONFIG) private readonly config: BaseConfig,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const sweeps = this.discovery.providers<SweepOptions>(SCHEDULED_SWEEP);
    const handlers = [
      ...this.discovery.methods<JobHandlerOptions>(JOB_HANDLER),
      ...sweeps.map((s) => this.sweepHandler(s)),
    ];
    assertUnique(handlers, (h) => h.name, 'job');
    const byName = new Map(handlers.map((h) => [h.meta.name, h]));
    const queues = new Set(handlers.map((h) => JOB_SCHEMAS[h.meta.name].queue));
    for (const queue of queues) {
      const names = (Object.keys(JOB_SCHEMAS) as JobName[]).filter((n) => JOB_SCHEMAS[n].queue === queue);
      const missing = names.filter((n) => !byName.has(n));
      if (missing.length) throw new Error(`Queue "${queue}" has jobs without a handler: ${missing.join(', ')}`);
      this.workers.push(this.startWorker(queue, byName));
    }
    await this.scheduleSweeps(sweeps);
    // A Redis that comes back empty (restarted without persistence) has lost the schedules too.
    this.settings.connection.on('ready', () =>
      this.scheduleSweeps(sweeps).catch((err: unknown) =>
        this.logger.error({ err }, 'Could not schedule the sweeps again after Redis reconnected'),
      ),
    );
  }

  private async scheduleSweeps(sweeps: DiscoveredSweep[]): Promise<void> {
    for (const { meta } of sweeps)
      await this.queue.schedule({ name: meta.job, data: {} }, { everyMs: sweepInterval(meta, this.config) });
  }

  private sweepHandler({ instance, meta, owner }: DiscoveredSweep): DiscoveredHandler<JobHandlerOptions> {
    const deps = { metrics: this.metrics, logger: this.logger };
    return { meta: { name: meta.job }, owner, call: () => runSweep(instance as Sweeper, meta, deps) };
  }

  private startWorker(queue: QueueName, handlers: Map<JobName, DiscoveredHandler<JobHandlerOptions>>): Worker {
    const worker = new Worker(
      queue,
      async (job: Job) => {
        const name = job.name as JobName;
        const handler = handlers.get(name);
        if (!handler) throw new PermanentJobError(`No handler for job ${job.name}`);
        const parsed = JOB_SCHEMAS[name].data.safeParse(job.data);
        if (!parsed.success) throw new PermanentJobError(`Invalid ${name} payload: ${parsed.error.message}`);
        const context: JobContext = {
          attempt: job.attemptsMade + 1,
          maxAttempts: job.opts.attempts ?? 1,
          jobId: job.id,
        };
        if (job.attemptsMade === 0 && job.processedOn)
          this.metrics.jobQueueWait.observe(
            { job: name },
            Math.max(0, job.processedOn - job.timestamp - (job.opts.delay ?? 0)) / 1000,
          );
        const result = await handler.call(parsed.data, context);
        if (!(result instanceof JobSkipped)) return result;
        this.metrics.jobsSkipped.inc({ job: name, reason: result.skipped });
        this.logger.debug({ job: name, jobId: job.id, reason: result.skipped }, 'Job skipped');
        return { skipped: result.skipped };
      },
      {
        connection: this.settings.connection,
        prefix: this.settings.prefix,
        concurrency: this.settings.concurrency[queue] ?? 4,
        lockDuration: this.settings.lockDurationMs,
        stalledInterval: this.settings.lockDurationMs,
        autorun: true,
      },
    );
    worker.on('completed', (job) =>
      this.metrics.jobsHandled.inc({ job: job.name, outcome: isSkipped(job.returnvalue) ? 'skipped' : 'ok' }),
    );
    worker.on('failed', (job, err) => {
      this.metrics.jobsHandled.inc({ job: job?.name ?? 'unknown', outcome: 'failed' });
      this.logger.warn({ err, job: job?.name, jobId: job?.id, attempt: job?.attemptsMade }, 'Job failed');
    });
    worker.on('error', (err) => this.logger.error({ err, queue }, 'Worker error'));
    return worker;
  }

  async beforeApplicationShutdown(): Promise<void> {
    await Promise.allSettled(this.workers.map((w) => w.close()));
  }
}

function isSkipped(value: unknown): boolean {
  return typeof value === 'object' && value !== null && typeof (value as { skipped?: unknown }).skipped === 'string';
}
