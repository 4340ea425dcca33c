import { Injectable } from '@nestjs/common';
import { Principal } from '@mp/contracts';
import { RpcClient } from '@mp/platform';
import { ObjectStorage } from '@mp/storage';
import type { Readable } from 'node:stream';
import { BestEffortCleanup } from '../http/best-effort-cleanup';
import { StorageFailures } from '../http/storage-failures';
import { KeySpace } from '../s3-proxy/s3-object-key';
import { StorageReservation } from '../s3-proxy/storage-reservation';

export interface ObjectWrite {
  principal: Principal;
  userKey: string;
  body: Readable;
  length: number;
  contentType: string;
  metadata: Record<string, string>;
}

/**
 * Stores an object of a known length under a key's quota, as the S3 proxy does: its whole length
 * is reserved before the first byte (QuotaExceeded, nothing read or stored, when it does not fit),
 * the body is streamed to its key (a body failing its checks never completes the object), then its
 * size is committed. Any failure gives the reservation back.
 */
@Injectable()
export class S3ObjectWriter {
  constructor(
    private readonly rpc: RpcClient,
    private readonly storage: ObjectStorage,
    private readonly cleanup: BestEffortCleanup,
    private readonly failures: StorageFailures,
  ) {}

  async write(write: ObjectWrite, reservation?: StorageReservation): Promise<{ etag: string; size: number }> {
    const held = reservation ?? (await StorageReservation.reserve(this.rpc, write.principal, write.length));
    const objectKey = new KeySpace(write.principal).objectKey(write.userKey);
    let stored: { etag: string; size: number };
    try {
      stored = await this.storage.putStream({
        key: objectKey,
        body: write.body,
        contentType: write.contentType,
        contentLength: write.length,
        metadata: write.metadata,
      });
    } catch (err) {
      await this.cleanup.run('release storage reservation', () => held.release());
      throw this.failures.of(err, 's3 put');
    }
    await this.commit(write.principal, held, write.userKey, stored.size);
    return stored;
  }

  /** Charges a stored object; when that fails it is deleted (never stored for free). */
  async commit(principal: Principal, reservation: StorageReservation, userKey: string, size: number): Promise<void> {
    try {
      await reservation.commit(userKey, size);
    } catch (err) {
      const objectKey = new KeySpace(principal).objectKey(userKey);
      await this.cleanup.run('delete uncharged object', () => this.storage.delete(objectKey));
      await this.cleanup.run('forget uncharged object', () =>
        this.rpc.request('billing.storage.free', {
          team_id: principal.team_id,
          key_id: principal.key_id,
          object_key: userKey,
        }),
      );
      await this.cleanup.run('release storage reservation', () => reservation.release());
      throw err;
    }
  }
}
