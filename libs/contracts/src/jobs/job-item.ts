import { z } from 'zod';
import { deliverCallbackJobSchema, sweepCallbacksJobSchema } from './callback.jobs';

/** BullMQ queues (kebab-case nouns). */
export const QUEUES = [
  'uploads',
  'callbacks',
  'file-expiry',
  'image-ops',
  'media-maintenance',
  'bulk-uploads',
  'generations',
  'bucket-lifecycle',
] as const;
export type QueueName = (typeof QUEUES)[number];

export const verifyUploadJobSchema = z.object({
  object_key: z.string(),
  trigger: z.enum(['storage-event', 'reconcile']),
});

/** A sweep of pending uploads, for stores that send no object events (scheduled, one at a time). */
export const reconcileUploadsJobSchema = z.object({});

/** Purges files past `expires_at` (scheduled, one run at a time). */
export const sweepExpiredFilesJobSchema = z.object({});

/** One image operation on one source file (a row of image-ops' queue table, status W/P/D/F). */
export const runImageOperationJobSchema = z.object({ queue_id: z.uuid() });

/** One asynchronous delete (a queue item of type `delete`: folders and files, records and objects). */
export const runImageDeleteJobSchema = z.object({ queue_id: z.uuid() });

/** Re-enqueues image queue items left waiting (W) without a job, e.g. Redis was down after the commit (scheduled). */
export const redriveImageQueueJobSchema = z.object({});

/** Deletes image objects that no image references (left by a crash between a write and its commit). */
export const collectImageOrphansJobSchema = z.object({});

/** Deletes media resources without attachments, and their objects (scheduled, one run at a time). */
export const collectMediaResourcesJobSchema = z.object({});

/** Deletes `temp/` objects older than the temp TTL that were never ingested (scheduled). */
export const purgeTempObjectsJobSchema = z.object({});

/** Processes one bulk-upload task's ZIP; re-running skips SKUs already done. */
export const processBulkUploadJobSchema = z.object({ task_id: z.uuid() });

/** Runs one prediction of seed 000 (the BullMQ job id is the prediction id). */
export const runPredictionJobSchema = z.object({ prediction_id: z.uuid() });

/** Deletes Swift objects past their lifecycle policy or `X-Delete-At`: rows, then bytes (scheduled). */
export const sweepBucketLifecycleJobSchema = z.object({});

/** Job names (PascalCase), their queue and payload schema. */
export const JOB_SCHEMAS = {
  VerifyUpload: { queue: 'uploads', data: verifyUploadJobSchema },
  ReconcileUploads: { queue: 'uploads', data: reconcileUploadsJobSchema },
  DeliverCallback: { queue: 'callbacks', data: deliverCallbackJobSchema },
  SweepCallbacks: { queue: 'callbacks', data: sweepCallbacksJobSchema },
  SweepExpiredFiles: { queue: 'file-expiry', data: sweepExpiredFilesJobSchema },
  RunImageOperation: { queue: 'image-ops', data: runImageOperationJobSchema },
  RunImageDelete: { queue: 'image-ops', data: runImageDeleteJobSchema },
  RedriveImageQueue: { queue: 'image-ops', data: redriveImageQueueJobSchema },
  CollectImageOrphans: { queue: 'image-ops', data: collectImageOrphansJobSchema },
  CollectMediaResources: { queue: 'media-maintenance', data: collectMediaResourcesJobSchema },
  PurgeTempObjects: { queue: 'media-maintenance', data: purgeTempObjectsJobSchema },
  ProcessBulkUpload: { queue: 'bulk-uploads', data: processBulkUploadJobSchema },
  RunPrediction: { queue: 'generations', data: runPredictionJobSchema },
  SweepBucketLifecycle: { queue: 'bucket-lifecycle', data: sweepBucketLifecycleJobSchema },
} as const satisfies Record<string, { queue: QueueName; data: z.ZodType }>;

export type JobName = keyof typeof JOB_SCHEMAS;
export type JobData<N extends JobName> = z.infer<(typeof JOB_SCHEMAS)[N]['data']>;
export type JobItem = { [N in JobName]: { name: N; data: JobData<N> } }[JobName];

export function queueOf(name: JobName): QueueName {
  return JOB_SCHEMAS[name].queue;
}
