import { DomainError, Principal, RpcResponse } from '@mp/contracts';
import { RpcClient } from '@mp/platform';
import { extensionAttempts } from './reservation-growth';

type KeyRef = Pick<Principal, 'team_id' | 'key_id'>;

const isQuotaExceeded = (err: unknown) => err instanceof DomainError && err.code === 'QuotaExceeded';

/**
 * One upload's hold on its key's storage quota (kept by quota-billing). It is opened before the
 * first byte, grown while bytes stream in, and ends committed (the stored size is charged) or
 * released (on any failure).
 */
export class StorageReservation {
  private done = false;

  private constructor(
    private readonly rpc: RpcClient,
    private readonly ref: KeyRef,
    readonly id: string,
    private reserved: number,
  ) {}

  /** Reserves `wanted` bytes, or nothing yet if they do not fit (the stream then grows it). */
  static async open(rpc: RpcClient, ref: KeyRef, wanted: number): Promise<StorageReservation> {
    const request = { team_id: ref.team_id, key_id: ref.key_id };
    let granted: RpcResponse<'billing.storage.reserve'>;
    try {
      granted = await rpc.request('billing.storage.reserve', { ...request, bytes: wanted });
    } catch (err) {
      if (!isQuotaExceeded(err) || wanted === 0) throw err;
      granted = await rpc.request('billing.storage.reserve', { ...request, bytes: 0 });
    }
    return new StorageReservation(rpc, ref, granted.reservation_id, granted.reserved_bytes);
  }

  /** Reserves exactly `bytes` up front; throws QuotaExceeded when they do not fit (nothing is read then). */
  static async reserve(rpc: RpcClient, ref: KeyRef, bytes: number): Promise<StorageReservation> {
    const granted = await rpc.request('billing.storage.reserve', { team_id: ref.team_id, key_id: ref.key_id, bytes });
    return new StorageReservation(rpc, ref, granted.reservation_id, granted.reserved_bytes);
  }

  /** A reservation opened earlier (a multipart upload's, recorded with it). */
  static resume(rpc: RpcClient, ref: KeyRef, id: string): StorageReservation {
    return new StorageReservation(rpc, ref, id, 0);
  }

  /** Grows the reservation by exactly `bytes`; throws QuotaExceeded when they do not fit, Conflict when it lapsed. */
  async add(bytes: number): Promise<void> {
    const grown = await this.rpc.request('billing.storage.extend', {
      ...this.keyRef(),
      reservation_id: this.id,
      bytes,
    });
    this.reserved = grown.reserved_bytes;
  }

  get reservedBytes(): number {
    return this.reserved;
  }

  /** Grows the reservation to cover `total` bytes; throws QuotaExceeded when they cannot fit. */
  async cover(total: number): Promise<void> {
    let lastError: unknown;
    for (const bytes of extensionAttempts(total, this.reserved)) {
      try {
        const grown = await this.rpc.request('billing.storage.extend', {
          ...this.keyRef(),
          reservation_id: this.id,
          bytes,
        });
        this.reserved = grown.reserved_bytes;
        return;
      } catch (err) {
        if (!isQuotaExceeded(err)) throw err;
        lastError = err;
      }
    }
    if (lastError) throw lastError;
  }

  /** Charges `size` bytes for `objectKey` and returns the rest of the reservation. */
  async commit(objectKey: string, size: number): Promise<RpcResponse<'billing.storage.commit'>> {
    const result = await this.rpc.request('billing.storage.commit', {
      ...this.keyRef(),
      reservation_id: this.id,
      object_key: objectKey,
      size,
    });
    this.done = true;
    return result;
  }

  /** Gives the reservation back; safe to call after a commit (then it does nothing). */
  async release(): Promise<void> {
    if (this.done) return;
    await this.rpc.request('billing.storage.release', { ...this.keyRef(), reservation_id: this.id });
    this.done = true;
  }

  private keyRef(): KeyRef {
    return { team_id: this.ref.team_id, key_id: this.ref.key_id };
  }
}
