import { ApiKeyKind } from '@mp/contracts';
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

const BASE62 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
/** Largest multiple of 62 that fits in a byte: bytes at or above it are dropped, so every character is equally likely. */
const UNBIASED_LIMIT = 62 * 4;

/** Random characters in a secret: 40 base62 characters are about 238 bits. */
export const SECRET_LENGTH = 40;
/** Image app keys are public identifiers (they appear in URL paths), not secrets. */
export const APP_KEY_LENGTH = 20;

/** What precedes the random part of each kind's secret; image secrets have no prefix. */
export const KEY_PREFIXES: Record<ApiKeyKind, string> = {
  cdt: 'cdt_',
  kikaku: 'kikaku_',
  kikaku_s3: 'kikaku_s3_',
  bucket: 'bkt_',
  image: '',
};

export type RandomSource = (size: number) => Buffer;

/** What key creation needs: the plaintext (shown once) and what may be stored. */
export interface KeyMaterial {
  /** Returned to the caller once; never stored, never logged. */
  reveal: { key: string } | { app_key: string; secret_key: string };
  key_hash: string;
  hint: string;
  app_key: string | null;
}

/** `length` characters of [A-Za-z0-9] from a CSPRNG, by rejection sampling (no modulo bias). */
export function randomBase62(length: number, random: RandomSource = randomBytes): string {
  let out = '';
  while (out.length < length) {
    for (const byte of random(length - out.length + 8)) {
      if (byte >= UNBIASED_LIMIT) continue;
      out += BASE62[byte % 62];
      if (out.length === length) break;
    }
  }
  return out;
}

/** The stored form of a secret: SHA-256, hex. Secrets are high-entropy, so no salt or stretching is needed. */
export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}

/** A non-secret reminder of which key this is, e.g. `cdt_…x9Qa`. */
export function keyHint(kind: ApiKeyKind, secret: string): string {
  return `${KEY_PREFIXES[kind]}…${secret.slice(-4)}`;
}

export function generateKeyMaterial(kind: ApiKeyKind, random: RandomSource = randomBytes): KeyMaterial {
  const secret = KEY_PREFIXES[kind] + randomBase62(SECRET_LENGTH, random);
  const base = { key_hash: hashSecret(secret), hint: keyHint(kind, secret) };
  if (kind !== 'image') return { ...base, reveal: { key: secret }, app_key: null };
  const appKey = randomBase62(APP_KEY_LENGTH, random);
  return { ...base, reveal: { app_key: appKey, secret_key: secret }, app_key: appKey };
}

/** Compares app keys without a timing signal on where (or in how long a prefix) they differ. */
export function appKeysMatch(stored: string | null, given: string | undefined): boolean {
  if (stored === null || given === undefined) return false;
  return timingSafeEqual(createHash('sha256').update(stored).digest(), createHash('sha256').update(given).digest());
}

/** Whether `value` could be a key hash at all (64 lowercase or uppercase hex characters). */
export function isKeyHash(value: string): boolean {
  return /^[0-9a-fA-F]{64}$/.test(value);
}
