import type { JobName } from '@mp/contracts';
import { methodDecorator } from '../discovery/discover-handlers';

export const JOB_HANDLER = Symbol('JOB_HANDLER');

export interface JobHandlerOptions {
  name: JobName;
}

/**
 * Marks a provider method as the handler of one job name. It receives the validated data and the
 * attempt number. Return to complete; throw to retry with backoff; throw `PermanentJobError`
 * to fail at once. Failed jobs are kept and can be retried from the queue.
 */
export const JobHandler = (name: JobName): MethodDecorator => methodDecorator<JobHandlerOptions>(JOB_HANDLER, { name });
