import { Injectable } from '@nestjs/common';
import { JobQueue } from '@mp/platform';

export interface ScheduledDelivery {
  id: string;
  team_id: string;
  round: number;
}

/** One job id per (delivery, round, attempt): enqueueing the same attempt twice adds one job. */
export function attemptJobId(deliveryId: string, round: number, attempt: number): string {
  return `cb-${deliveryId}-r${round}-a${attempt}`;
}

/** Puts delivery attempts on the `callbacks` queue. */
@Injectable()
export class DeliveryScheduler {
  constructor(private readonly queue: JobQueue) {}

  async schedule(delivery: ScheduledDelivery, attempt: number, delayMs = 0): Promise<void> {
    await this.queue.enqueue(
      {
        name: 'DeliverCallback',
        data: { delivery_id: delivery.id, team_id: delivery.team_id, round: delivery.round, attempt },
      },
      { jobId: attemptJobId(delivery.id, delivery.round, attempt), delayMs: Math.max(0, Math.round(delayMs)) },
    );
  }

  /**
   * Makes sure the due attempt has a runnable job: adds it when missing, retries it when BullMQ
   * gave up on it (infrastructure errors), replaces it when it completed without recording.
   * Returns whether anything had to be done.
   */
  async ensureScheduled(delivery: ScheduledDelivery, attempt: number): Promise<boolean> {
    const jobId = attemptJobId(delivery.id, delivery.round, attempt);
    const job = await this.queue.queue('callbacks').getJob(jobId);
    if (job) {
      const state = await job.getState();
      if (state === 'failed') {
        await job.retry();
        return true;
      }
      if (state !== 'completed') return false;
      await job.remove();
    }
    await this.schedule(delivery, attempt);
    return true;
  }
}
