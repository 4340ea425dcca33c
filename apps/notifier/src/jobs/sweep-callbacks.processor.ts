import { Inject, Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { APP_CONFIG, JobHandler, JobQueue, LOGGER } from '@mp/platform';
import type { Logger } from 'pino';
import { NotifierConfig } from '../app.config';
import { DeliveryRepository } from '../deliveries/delivery.repository';
import { DeliveryScheduler } from '../deliveries/delivery-scheduler';

const BATCH = 500;
const GRACE_MS = 30_000;

/**
 * Safety net for at-least-once: an open delivery whose next attempt is overdue gets its job back
 * (lost between recording an attempt and enqueueing the next, or failed on infrastructure errors).
 */
@Injectable()
export class SweepCallbacksProcessor implements OnApplicationBootstrap {
  constructor(
    private readonly deliveries: DeliveryRepository,
    private readonly scheduler: DeliveryScheduler,
    private readonly queue: JobQueue,
    @Inject(APP_CONFIG) private readonly config: NotifierConfig,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.queue.schedule(
      { name: 'SweepCallbacks', data: {} },
      { everyMs: this.config.CALLBACK_SWEEP_INTERVAL_MS },
    );
  }

  @JobHandler('SweepCallbacks')
  async handle(): Promise<{ overdue: number; rescheduled: number }> {
    const overdue = await this.deliveries.overdue(GRACE_MS, BATCH);
    let rescheduled = 0;
    for (const delivery of overdue) {
      if (await this.scheduler.ensureScheduled(delivery, delivery.round_attempts + 1)) rescheduled++;
    }
    if (rescheduled)
      this.logger.warn({ overdue: overdue.length, rescheduled }, 'Rescheduled overdue callback attempts');
    return { overdue: overdue.length, rescheduled };
  }
}
