import { createHmac } from 'node:crypto';

/**
 * The HMAC key of access tokens: AUTH_TOKEN_SECRET, required in production. Elsewhere (development,
 * tests) a key is derived from ADMIN_TOKEN, so every gateway replica of one deployment agrees.
 */
export function accessTokenSecret(config: {
  NODE_ENV: string;
  AUTH_TOKEN_SECRET?: string;
  ADMIN_TOKEN: string;
}): string {
  if (config.AUTH_TOKEN_SECRET) return config.AUTH_TOKEN_SECRET;
  if (config.NODE_ENV === 'production')
    throw new Error('AUTH_TOKEN_SECRET is required when NODE_ENV=production (at least 32 characters)');
  return createHmac('sha256', config.ADMIN_TOKEN).update('media-api access tokens').digest('base64url');
}
