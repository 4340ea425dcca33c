import { baseConfigSchema } from '@mp/platform';
import { z } from 'zod';

export const quotaBillingConfigSchema = z.object({
  ...baseConfigSchema.shape,
  HTTP_PORT: z.coerce.number().int().min(0).max(65535).default(8086),
});
export type QuotaBillingConfig = z.infer<typeof quotaBillingConfigSchema>;
