import { baseConfigSchema } from '@mp/platform';
import { z } from 'zod';

export const notifierConfigSchema = z.object({
  ...baseConfigSchema.shape,
  HTTP_PORT: z.coerce.number().int().min(0).max(65535).default(8087),
});
export type NotifierConfig = z.infer<typeof notifierConfigSchema>;
