import type { JobName } from '@mp/contracts';
import type { JobsOptions } from 'bullmq';

export interface RetryPolicy {
  attempts: number;
  backoff: NonNullable<JobsOptions['backoff']>;
}

const STANDARD: RetryPolicy = { attempts: 8, backoff: { type: 'exponential', delay: 500 } };
/** Scheduled sweeps: a failed run is not retried, the next occurrence does its work. */
const ONCE: RetryPolicy = { attempts: 1, backoff: { type: 'fixed', delay: 0 } };

/**
 * The one retry policy of every job, whether enqueued or scheduled. Apps change a job's policy
 * only through `PlatformModule.forRoot({ queues: { retry } })`; handlers read the effective
 * number of attempts from their `JobContext`.
 */
export const JOB_RETRY_POLICIES: Record<JobName, RetryPolicy> = {
  VerifyUpload: STANDARD,
  ReconcileUploads: ONCE,
  DeliverCallback: STANDARD,
  SweepCallbacks: ONCE,
  SweepExpiredFiles: ONCE,
  RunImageOperation: { attempts: 3, backoff: STANDARD.backoff },
  RunImageDelete: { attempts: 3, backoff: STANDARD.backoff },
  RedriveImageQueue: ONCE,
  CollectImageOrphans: ONCE,
  CollectMediaResources: ONCE,
  PurgeTempObjects: ONCE,
  ProcessBulkUpload: STANDARD,
  RunPrediction: { attempts: 3, backoff: STANDARD.backoff },
  SweepBucketLifecycle: ONCE,
};

export type RetryOverrides = Partial<Record<JobName, Partial<RetryPolicy>>>;

export const JOB_RETRY_OVERRIDES = Symbol('JOB_RETRY_OVERRIDES');

export function retryPolicyOf(name: JobName, overrides: RetryOverrides = {}): RetryPolicy {
  return { ...JOB_RETRY_POLICIES[name], ...overrides[name] };
}
