import { Inject, Injectable } from '@nestjs/common';
import { DomainError, ObjectEncryption } from '@mp/contracts';
import { APP_CONFIG } from '@mp/platform';
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { GatewayConfig } from '../../app.config';

/**
 * The master keys of encryption at rest (`BUCKET_ENCRYPTION_KEYS`, `id:base64` of 32 bytes each);
 * new data keys are wrapped with `BUCKET_ENCRYPTION_KEY_ID` (default: the first). Each object
 * records the id of the key that wrapped its data key, so keys can be added and rotated.
 */
@Injectable()
export class MasterKeys {
  private readonly keys = new Map<string, Buffer>();
  private readonly activeId?: string;

  constructor(@Inject(APP_CONFIG) config: GatewayConfig) {
    for (const entry of (config.BUCKET_ENCRYPTION_KEYS ?? '').split(',').filter((e) => e.trim() !== '')) {
      const [id, secret] = entry.trim().split(':');
      this.keys.set(id!, Buffer.from(secret!, 'base64'));
    }
    this.activeId = config.BUCKET_ENCRYPTION_KEY_ID ?? [...this.keys.keys()][0];
  }

  get available(): boolean {
    return this.activeId !== undefined && this.keys.has(this.activeId);
  }

  /** A fresh data key and how the object records it. */
  newDataKey(): { key: Buffer; wrapped: Omit<ObjectEncryption, 'nonce_base'> } {
    if (!this.available) throw new DomainError('ValidationFailed', 'Encryption at rest is not configured', {});
    const key = randomBytes(32);
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.keys.get(this.activeId!)!, iv);
    const sealed = Buffer.concat([iv, cipher.update(key), cipher.final(), cipher.getAuthTag()]);
    return { key, wrapped: { key_id: this.activeId!, wrapped_key: sealed.toString('base64') } };
  }

  unwrap(encryption: ObjectEncryption): Buffer {
    const master = this.keys.get(encryption.key_id);
    if (!master) {
      throw new DomainError('DependencyUnavailable', 'The key that encrypted this object is not configured', {
        key_id: encryption.key_id,
      });
    }
    const sealed = Buffer.from(encryption.wrapped_key, 'base64');
    const decipher = createDecipheriv('aes-256-gcm', master, sealed.subarray(0, 12));
    decipher.setAuthTag(sealed.subarray(sealed.length - 16));
    return Buffer.concat([decipher.update(sealed.subarray(12, sealed.length - 16)), decipher.final()]);
  }
}
