import { Injectable } from '@nestjs/common';
import { CallbackAttemptOutcome, JobData } from '@mp/contracts';
import { JobHandler, JobSkipped, skipJob } from '@mp/platform';
import { CallbackDeliverer } from '../deliveries/callback-deliverer.service';

/**
 * One delivery attempt per job. HTTP failures are recorded and rescheduled by the deliverer (its
 * own backoff, Retry-After), so a throw here means our infrastructure failed and BullMQ retries it.
 */
@Injectable()
export class DeliverCallbackProcessor {
  constructor(private readonly deliverer: CallbackDeliverer) {}

  @JobHandler('DeliverCallback')
  async handle(data: JobData<'DeliverCallback'>): Promise<CallbackAttemptOutcome | JobSkipped> {
    const outcome = await this.deliverer.attempt(data);
    // A replayed job, or one for an attempt that is no longer due.
    return outcome === 'stale' ? skipJob('attempt-not-due') : outcome;
  }
}
