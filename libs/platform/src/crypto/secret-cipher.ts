import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

const ENCRYPTED = 'aes256gcm';
const PLAIN = 'plain';

/**
 * Seals secrets that must be read back (signing secrets, SigV4 secret keys), so they cannot be
 * hashed. With a 32-byte key they are stored AES-256-GCM encrypted; without one, as is. A sealed
 * value records which form it is in. `keySetting` names the config key in error messages.
 */
export class SecretCipher {
  constructor(
    private readonly key: Buffer | undefined,
    private readonly keySetting = 'the secret encryption key',
  ) {
    if (key && key.length !== 32) throw new Error(`${keySetting} must be 32 bytes`);
  }

  /** Whether sealed values are encrypted (a key is configured). */
  get encrypts(): boolean {
    return this.key !== undefined;
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
    if (!this.key) throw new Error(`a secret is encrypted but ${this.keySetting} is not set`);
    const [iv, tag, sealed] = parts.map((p) => Buffer.from(p, 'base64'));
    const decipher = createDecipheriv('aes-256-gcm', this.key, iv);
    decipher.setAuthTag(tag);
    return Buffer.concat([decipher.update(sealed), decipher.final()]).toString('utf8');
  }
}
