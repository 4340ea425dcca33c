import { baseConfigSchema, storageConfigSchema } from '@mp/platform';
import { z } from 'zod';

export const generationBrokerConfigSchema = z.object({
  ...baseConfigSchema.shape,
  ...storageConfigSchema.shape,
  HTTP_PORT: z.coerce.number().int().min(0).max(65535).default(8084),
});
export type GenerationBrokerConfig = z.infer<typeof generationBrokerConfigSchema>;
