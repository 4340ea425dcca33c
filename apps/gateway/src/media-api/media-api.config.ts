import { z } from 'zod';

/** Seed 003 bearer tokens. Without a secret outside production, one is derived from ADMIN_TOKEN. */
export const mediaApiConfigSchema = z.object({
  /** HMAC-SHA256 key of access tokens; required when NODE_ENV=production. */
  AUTH_TOKEN_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  /** Lifetime of an access token. */
  AUTH_ACCESS_TTL_SECONDS: z.coerce
    .number()
    .int()
    .min(1)
    .max(7 * 86_400)
    .default(1800),
  /** How long a token's account state (active, superuser, organisations) is reused before asking again. */
  AUTH_STATUS_CACHE_MS: z.coerce.number().int().min(0).max(60_000).default(2000),
  /**
   * How long `GET /files/{path}` reuses a source's HEAD (0 = every request HEADs). The store's object
   * events end it at once; this bounds it when one is missed (lower it for a store that sends none).
   */
  MEDIA_SOURCE_HEAD_CACHE_MS: z.coerce.number().int().min(0).max(300_000).default(10_000),
});
export type MediaApiConfig = z.infer<typeof mediaApiConfigSchema>;
