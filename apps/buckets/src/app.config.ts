import { baseConfigSchema, storageConfigSchema } from '@mp/platform';
import { z } from 'zod';

export const bucketsConfigSchema = z.object({
  ...baseConfigSchema.shape,
  ...storageConfigSchema.shape,
  HTTP_PORT: z.coerce.number().int().min(0).max(65535).default(8085),
});
export type BucketsConfig = z.infer<typeof bucketsConfigSchema>;
