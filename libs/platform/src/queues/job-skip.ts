/** What a handler returns when its job has nothing to do (already done, gone, claimed elsewhere). */
export class JobSkipped {
  constructor(readonly skipped: string) {}
}

/**
 * Completes the job as skipped: the worker counts it in `jobs_skipped_total{job, reason}` and logs
 * it at debug. `reason` is a metric label, so use a fixed kebab-case phrase, never an id.
 */
export function skipJob(reason: string): JobSkipped {
  return new JobSkipped(reason);
}
