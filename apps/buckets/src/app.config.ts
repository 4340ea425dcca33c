import { baseConfigSchema, storageConfigSchema } from '@mp/platform';
import { z } from 'zod';

export const bucketsConfigSchema = z.object({
  ...baseConfigSchema.shape,
  ...storageConfigSchema.shape,
  HTTP_PORT: z.coerce.number().int().min(0).max(65535).default(8085),
  /** Moves the clock of lifecycle expiry and `X-Delete-At` (tests only; 0 in production). */
  BUCKETS_CLOCK_OFFSET_MS: z.coerce.number().int().default(0),
  /** How often expired objects (lifecycle policies, `X-Delete-At`) are deleted for good. */
  LIFECYCLE_SWEEP_INTERVAL_MS: z.coerce.number().int().min(200).default(3_600_000),
});
export type BucketsConfig = z.infer<typeof bucketsConfigSchema>;
