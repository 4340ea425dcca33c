import type { JobData, JobName } from '@mp/contracts';
import { HandlerDecorator, methodDecorator } from '../discovery/discover-handlers';

export const JOB_HANDLER = Symbol('JOB_HANDLER');

export interface JobHandlerOptions {
  name: JobName;
}

/** What the worker passes next to the data. */
export interface JobContext {
  /** 1 for the first run. */
  attempt: number;
  /** The job's retry policy: the attempt with this number is the last. */
  maxAttempts: number;
  jobId?: string;
}

/** What a job handler may be: it must accept the data of its job name (and optionally the context). */
export type JobHandlerMethod<N extends JobName> = (data: JobData<N>, context: JobContext) => unknown;

/**
 * Marks a provider method as the handler of one job name. It receives the validated data (its
 * parameter type must accept `JobData<name>`) and the attempt. Return to complete (or return
 * `skipJob(reason)` when there is nothing to do); throw to retry with backoff; throw
 * `PermanentJobError` to fail at once. Failed jobs are kept and can be retried from the queue.
 */
export const JobHandler = <N extends JobName>(name: N): HandlerDecorator<JobHandlerMethod<N>> =>
  methodDecorator<JobHandlerOptions, JobHandlerMethod<N>>(JOB_HANDLER, { name });
