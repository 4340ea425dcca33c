import { createHash } from 'node:crypto';

/** Keys are high-entropy random strings, so a plain SHA-256 is the right lookup hash. */
export function hashKey(plaintext: string): string {
  return createHash('sha256').update(plaintext, 'utf8').digest('hex');
}
