import { baseConfigSchema } from '@mp/platform';
import { z } from 'zod';
import { outboundConfigSchema } from '@mp/outbound';

const int = (min: number, max: number) => z.coerce.number().int().min(min).max(max);

export const notifierConfigSchema = z
  .object({
    ...baseConfigSchema.shape,
    HTTP_PORT: int(0, 65535).default(8087),
    /** Whole-request deadline of one delivery attempt. */
    CALLBACK_TIMEOUT_MS: int(100, 120_000).default(10_000),
    /** Attempts per delivery (and per manual redelivery), the first included. */
    CALLBACK_MAX_ATTEMPTS: int(1, 50).default(10),
    CALLBACK_BACKOFF_BASE_MS: int(10, 3_600_000).default(5_000),
    CALLBACK_BACKOFF_MAX_MS: int(10, 24 * 3_600_000).default(3_600_000),
    CALLBACK_MAX_BODY_BYTES: int(2, 10 * 1024 * 1024).default(256 * 1024),
    CALLBACK_CONCURRENCY: int(1, 256).default(16),
    CALLBACK_SWEEP_INTERVAL_MS: int(1_000, 3_600_000).default(60_000),
    /** base64 of 32 bytes; when set, team signing secrets are stored AES-256-GCM encrypted. */
    CALLBACK_SECRET_ENCRYPTION_KEY: z
      .string()
      .refine((v) => Buffer.from(v, 'base64').length === 32, 'must be 32 bytes, base64-encoded')
      .transform((v) => Buffer.from(v, 'base64'))
      .optional(),
    ...outboundConfigSchema.shape,
  })
  .refine((c) => c.CALLBACK_BACKOFF_MAX_MS >= c.CALLBACK_BACKOFF_BASE_MS, {
    message: 'must be at least CALLBACK_BACKOFF_BASE_MS',
    path: ['CALLBACK_BACKOFF_MAX_MS'],
  });
export type NotifierConfig = z.infer<typeof notifierConfigSchema>;
