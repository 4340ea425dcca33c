import { ScheduledSweep, Sweeper } from '@mp/platform';
import { NotifierConfig } from '../app.config';
import { DeliveryEntity } from '../deliveries/delivery.entity';
import { DeliveryRepository } from '../deliveries/delivery.repository';
import { DeliveryScheduler } from '../deliveries/delivery-scheduler';

const GRACE_MS = 30_000;

/**
 * Safety net for at-least-once: an open delivery whose next attempt is overdue gets its job back
 * (lost between recording an attempt and enqueueing the next, or failed on infrastructure errors).
 */
@ScheduledSweep<NotifierConfig>('SweepCallbacks', 'CALLBACK_SWEEP_INTERVAL_MS', {
  batch: 500,
  seen: 'overdue',
  level: 'warn',
})
export class SweepCallbacksProcessor implements Sweeper<DeliveryEntity> {
  constructor(
    private readonly deliveries: DeliveryRepository,
    private readonly scheduler: DeliveryScheduler,
  ) {}

  nextBatch(limit: number): Promise<DeliveryEntity[]> {
    return this.deliveries.overdue(GRACE_MS, limit);
  }

  async sweepBatch(overdue: DeliveryEntity[]): Promise<{ rescheduled: number }> {
    let rescheduled = 0;
    for (const delivery of overdue)
      if (await this.scheduler.ensureScheduled(delivery, delivery.round_attempts + 1)) rescheduled++;
    return { rescheduled };
  }
}
