import { z } from 'zod';
import { trustedProxiesSchema } from './trusted-proxies';

const bool = z
  .enum(['true', 'false', '1', '0'], { error: 'must be true or false' })
  .transform((v) => v === 'true' || v === '1');

/** Settings every service needs. Each app extends this with its own keys. */
export const baseConfigSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  DATABASE_URL: z.url().default('postgres://postgres@127.0.0.1:5432/media'),
  DB_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  DB_MIGRATE_ON_BOOT: bool.default(true),
  REDIS_URL: z.url().default('redis://127.0.0.1:6379'),
  NATS_URL: z.string().default('nats://127.0.0.1:4222'),
  NAMESPACE: z
    .string()
    .regex(/^[a-z][a-z0-9_]{0,30}$/, 'must be lowercase letters, digits or _ (max 31), starting with a letter')
    .default('mp'),
  HTTP_HOST: z.string().default('0.0.0.0'),
  /** Proxies whose `X-Forwarded-For` names the client (see trusted-proxies.ts); none by default. */
  TRUSTED_PROXIES: trustedProxiesSchema,
  SHUTDOWN_TIMEOUT_MS: z.coerce.number().int().min(1000).default(25000),
  RPC_TIMEOUT_MS: z.coerce.number().int().min(100).default(10000),
  /** BullMQ job lock (renewed at half of it); a job whose worker died is re-run after one to two of these. */
  JOB_LOCK_DURATION_MS: z.coerce.number().int().min(1000).default(30000),
});
export type BaseConfig = z.infer<typeof baseConfigSchema>;

/** Object storage (S3, R2, MinIO or the embedded server). */
export const storageConfigSchema = z.object({
  S3_ENDPOINT: z.url().default('http://127.0.0.1:9000'),
  S3_PUBLIC_ENDPOINT: z.url().optional(),
  S3_REGION: z.string().default('us-east-1'),
  S3_ACCESS_KEY_ID: z.string().min(1).default('S3RVER'),
  S3_SECRET_ACCESS_KEY: z.string().min(1).default('S3RVER'),
  S3_BUCKET: z.string().min(3).default('media'),
  S3_FORCE_PATH_STYLE: bool.default(true),
});
export type StorageSettings = z.infer<typeof storageConfigSchema>;

export const envBoolean = bool;
