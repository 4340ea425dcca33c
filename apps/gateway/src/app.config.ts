import { baseConfigSchema, storageConfigSchema } from '@mp/platform';
import { z } from 'zod';
import { imageApiConfigSchema } from './image-api/image-api.config';
import { mediaApiConfigSchema } from './media-api/media-api.config';
import { rateLimitConfigSchema } from './rate-limit/rate-limit.config';
import { s3ProxyConfigSchema } from './s3-proxy/s3-proxy.config';

export const gatewayConfigSchema = z.object({
  ...baseConfigSchema.shape,
  ...storageConfigSchema.shape,
  ...s3ProxyConfigSchema.shape,
  ...mediaApiConfigSchema.shape,
  ...imageApiConfigSchema.shape,
  ...rateLimitConfigSchema.shape,
  PORT: z.coerce.number().int().min(0).max(65535).default(8080),
  ADMIN_TOKEN: z.string().min(16, 'must be at least 16 characters'),
  KEY_CACHE_TTL_MS: z.coerce.number().int().min(0).max(60_000).default(3000),
  PUBLIC_BASE_URL: z.url().optional(),
});
export type GatewayConfig = z.infer<typeof gatewayConfigSchema>;
