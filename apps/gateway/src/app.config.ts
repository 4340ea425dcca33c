import { baseConfigSchema, storageConfigSchema } from '@mp/platform';
import { z } from 'zod';
import { bucketApiConfigSchema } from './bucket-api/bucket-api.config';
import { imageApiConfigSchema } from './image-api/image-api.config';
import { mediaApiConfigSchema } from './media-api/media-api.config';
import { portalConfigSchema } from './portal/portal.config';
import { rateLimitConfigSchema } from './rate-limit/rate-limit.config';
import { s3ApiConfigSchema } from './s3-api/s3-api.config';
import { s3ProxyConfigSchema } from './s3-proxy/s3-proxy.config';

export const gatewayConfigSchema = z.object({
  ...baseConfigSchema.shape,
  ...storageConfigSchema.shape,
  ...s3ProxyConfigSchema.shape,
  ...s3ApiConfigSchema.shape,
  ...mediaApiConfigSchema.shape,
  ...imageApiConfigSchema.shape,
  ...rateLimitConfigSchema.shape,
  ...portalConfigSchema.shape,
  ...bucketApiConfigSchema.shape,
  PORT: z.coerce.number().int().min(0).max(65535).default(8080),
  /** Internal port of `GET /metrics` (never the public PORT); unset = the gateway's metrics are not served. */
  METRICS_PORT: z.coerce.number().int().min(1).max(65535).optional(),
  ADMIN_TOKEN: z.string().min(16, 'must be at least 16 characters'),
  KEY_CACHE_TTL_MS: z.coerce.number().int().min(0).max(60_000).default(3000),
  PUBLIC_BASE_URL: z.url().optional(),
});
export type GatewayConfig = z.infer<typeof gatewayConfigSchema>;
