import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

const ENCRYPTED = 'aes256gcm';
const PLAIN = 'plain';

/**
 * Seals signing secrets for storage. With a key (CALLBACK_SECRET_ENCRYPTION_KEY, 32 bytes) they
 * are stored AES-256-GCM encrypted; without one, as is (the receiver needs the same secret, so
 * it cannot be hashed). A sealed value records which form it is in.
 */
export class SecretCipher {
  constructor(private readonly key: Buffer | undefined) {
    if (key && key.length !== 32) throw new Error('the secret encryption key must be 32 bytes');
  }

  seal(secret: string): string {
    if (!this.key) return `${PLAIN}:${secret}`;
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    const sealed = Buffer.concat([cipher.update(secret, 'utf8'), cipher.final()]);
    return [ENCRYPTED, iv.toString('base64'), cipher.getAuthTag().toString('base64'), sealed.toString('base64')].join(
      ':',
    );
  }

  open(stored: string): string {
    const [form, ...parts] = stored.split(':');
    if (form === PLAIN) return parts.join(':');
    if (form !== ENCRYPTED || parts.length !== 3) throw new Error('unrecognised sealed secret');
    if (!this.key) throw new Error('a signing secret is encrypted but CALLBACK_SECRET_ENCRYPTION_KEY is not set');
    const [iv, tag, sealed] = parts.map((p) => Buffer.from(p, 'base64'));
    const decipher = createDecipheriv('aes-256-gcm', this.key, iv);
    decipher.setAuthTag(tag);
    return Buffer.concat([decipher.update(sealed), decipher.final()]).toString('utf8');
  }
}
