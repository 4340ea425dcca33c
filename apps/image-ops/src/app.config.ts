import { baseConfigSchema, storageConfigSchema } from '@mp/platform';
import { outboundPortsSettingSchema } from '@mp/outbound';
import { z } from 'zod';
import { defaultWorkerConcurrency } from './jobs/worker-concurrency';

export const imageOpsConfigSchema = z.object({
  ...baseConfigSchema.shape,
  ...storageConfigSchema.shape,
  HTTP_PORT: z.coerce.number().int().min(0).max(65535).default(8083),
  /** Public base of image URLs (`{base}/{appKey}/{path}`), served by the gateway. */
  IMAGE_PUBLIC_BASE_URL: z.url().default('http://127.0.0.1:8080/image/files'),
  /** Largest image accepted per file (the gateway refuses larger bodies while streaming). */
  IMAGE_MAX_FILE_BYTES: z.coerce
    .number()
    .int()
    .min(1)
    .default(50 * 1024 * 1024),
  /** Decompression-bomb guard: width × height × frames above this is refused from the header. */
  IMAGE_MAX_INPUT_PIXELS: z.coerce.number().int().min(1).default(100_000_000),
  IMAGE_MAX_FRAMES: z.coerce.number().int().min(1).default(300),
  /** libvips threads per operation. */
  IMAGE_THREADS: z.coerce.number().int().min(1).max(64).default(2),
  /**
   * Operation jobs one worker runs at once; 2 per available core by default, so sharp computes
   * while other jobs wait on storage and the database. Memory is bounded by it: at most this many
   * source bodies (≤ IMAGE_MAX_FILE_BYTES) and decoded images (≤ IMAGE_MAX_INPUT_PIXELS) at once.
   */
  IMAGE_WORKER_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(defaultWorkerConcurrency()),
  /** Attempts of one operation job before its queue item turns F. */
  IMAGE_JOB_ATTEMPTS: z.coerce.number().int().min(1).max(20).default(3),
  /** Zip archives of multiple uploads: most entries, uncompressed bytes in all, and compression ratio of one entry. */
  IMAGE_ZIP_MAX_ENTRIES: z.coerce.number().int().min(1).default(1000),
  IMAGE_ZIP_MAX_TOTAL_BYTES: z.coerce
    .number()
    .int()
    .min(1)
    .default(512 * 1024 * 1024),
  IMAGE_ZIP_MAX_RATIO: z.coerce.number().min(1).default(200),
  /** Re-drive sweep: how often it runs, and how long an item stays W before its job is re-added. */
  IMAGE_REDRIVE_INTERVAL_MS: z.coerce.number().int().min(100).default(30_000),
  IMAGE_REDRIVE_AFTER_MS: z.coerce.number().int().min(0).default(60_000),
  /** How often objects under `image/` that no image references are looked for. */
  IMAGE_ORPHAN_SWEEP_INTERVAL_MS: z.coerce.number().int().min(100).default(600_000),
  /** An unreferenced object younger than this may still be on its way to a commit (≥ the RPC and job timeouts). */
  IMAGE_ORPHAN_GRACE_MS: z.coerce.number().int().min(0).default(3_600_000),
  /** Callback ports (the seed: 80 and 443); the same setting as the notifier's. */
  OUTBOUND_ALLOWED_PORTS: outboundPortsSettingSchema,
});
export type ImageOpsConfig = z.infer<typeof imageOpsConfigSchema>;
