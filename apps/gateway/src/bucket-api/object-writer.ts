import { Injectable } from '@nestjs/common';
import { ObjectEncryption } from '@mp/contracts';
import { ObjectStorage } from '@mp/storage';
import type { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { BestEffortCleanup } from '../http/best-effort-cleanup';
import { StorageFailures } from '../http/storage-failures';
import { EncryptStream, newNonceBase, storedSize } from './encryption/chunked-cipher';
import { MasterKeys } from './encryption/master-keys';
import { Md5Stream } from './md5.stream';

export interface WrittenObject {
  /** Plaintext bytes and their hex MD5. */
  bytes: number;
  hash: string;
  encryption: ObjectEncryption | null;
}

export interface WriteTarget {
  key: string;
  contentType: string;
  /** Plaintext length when known (sent to the store, which then needs no chunked upload). */
  length?: number;
  encrypt: boolean;
  /** Stages the plaintext passes before its MD5 (a byte limit). */
  through?: Transform[];
}

/**
 * Writes a Swift object's bytes to the store: the plaintext streams through an MD5 and, for a
 * `use_encryption` bucket, the chunked AES-256-GCM cipher under a fresh data key. A failed write
 * leaves nothing behind (its bytes are deleted).
 */
@Injectable()
export class ObjectWriter {
  constructor(
    private readonly storage: ObjectStorage,
    private readonly cleanup: BestEffortCleanup,
    private readonly keys: MasterKeys,
    private readonly failures: StorageFailures,
  ) {}

  async write(source: Readable, target: WriteTarget): Promise<WrittenObject> {
    const md5 = new Md5Stream();
    const sealing = target.encrypt ? this.sealing() : undefined;
    const stages = [...(target.through ?? []), md5, ...(sealing ? [sealing.stream] : [])];
    const body = stages.at(-1)!;
    try {
      const flowing = pipeline([source, ...stages]);
      const length = target.length === undefined ? undefined : sealing ? storedSize(target.length) : target.length;
      // A known length goes up as one streamed PutObject; a chunked body (no length) in parts.
      const put =
        length === undefined
          ? this.storage.put({ key: target.key, body, contentType: target.contentType })
          : this.storage.putStream({ key: target.key, body, contentType: target.contentType, contentLength: length });
      await Promise.all([flowing, put]);
    } catch (err) {
      await this.cleanup.deleteObjects('swift-put-failed', [target.key]);
      throw this.failures.of(err, 'swift-put');
    }
    return { bytes: md5.bytes, hash: md5.hex(), encryption: sealing?.encryption ?? null };
  }

  /** A fresh data key wrapped by the active master key, and the stream that encrypts with it. */
  private sealing(): { stream: EncryptStream; encryption: ObjectEncryption } {
    const { key, wrapped } = this.keys.newDataKey();
    const base = newNonceBase();
    return { stream: new EncryptStream(key, base), encryption: { ...wrapped, nonce_base: base.toString('base64') } };
  }
}
