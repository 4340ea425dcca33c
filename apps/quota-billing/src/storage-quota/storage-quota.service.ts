import { Inject, Injectable } from '@nestjs/common';
import { DomainError, RpcParsedRequest, RpcResponse, StorageUsage } from '@mp/contracts';
import { RpcHandler } from '@mp/platform';
import { EntityManager } from 'typeorm';
import { planCommit, planFree, planRelease, planReserve, QuotaState, toUsage } from './quota-arithmetic';
import { STORAGE_QUOTA_CONFIG, StorageQuotaConfig } from './storage-quota.config';
import { quotaExceeded, reservationLapsed, storageKeyNotFound } from './storage-quota.errors';
import { StorageQuotaRepository } from './storage-quota.repository';

interface KeyRef {
  team_id: string;
  key_id: string;
}

interface LockedQuota {
  state: QuotaState;
  defaultLimit: boolean;
}

/**
 * `billing.storage.*`: the S3 proxy's per-key storage quota. Uploads reserve bytes (and grow the
 * reservation as they stream), commit the stored size, or release; deletes free the object's size.
 * Usage can never pass the limit through reservations: each one is admitted under the row lock.
 */
@Injectable()
export class StorageQuotaService {
  constructor(
    private readonly quotas: StorageQuotaRepository,
    @Inject(STORAGE_QUOTA_CONFIG) private readonly config: StorageQuotaConfig,
  ) {}

  @RpcHandler('billing.storage.reserve')
  reserve(request: RpcParsedRequest<'billing.storage.reserve'>): Promise<RpcResponse<'billing.storage.reserve'>> {
    return this.quotas.transaction(async (m) => {
      await this.quotas.ensureRow(m, request.team_id, request.key_id);
      const { state } = await this.lockQuota(m, request);
      const next = planReserve(state, request.bytes);
      if (next === 'exceeded') throw quotaExceeded(state);
      await this.quotas.writeState(m, request.key_id, next);
      const reservationId = await this.quotas.insertReservation(
        m,
        request.key_id,
        request.bytes,
        this.config.S3_PROXY_RESERVATION_TTL_SECONDS,
      );
      return { reservation_id: reservationId, reserved_bytes: request.bytes };
    });
  }

  @RpcHandler('billing.storage.extend')
  extend(request: RpcParsedRequest<'billing.storage.extend'>): Promise<RpcResponse<'billing.storage.extend'>> {
    return this.quotas.transaction(async (m) => {
      const { state } = await this.lockQuota(m, request);
      const held = await this.quotas.lockReservation(m, request.key_id, request.reservation_id);
      if (held === null) throw reservationLapsed(request.reservation_id);
      const next = planReserve(state, request.bytes);
      // The uploader is told what the key holds apart from this upload, which it gives back now.
      if (next === 'exceeded') throw quotaExceeded(planRelease(state, held));
      await this.quotas.writeState(m, request.key_id, next);
      await this.quotas.growReservation(
        m,
        request.reservation_id,
        request.bytes,
        this.config.S3_PROXY_RESERVATION_TTL_SECONDS,
      );
      return { reservation_id: request.reservation_id, reserved_bytes: held + request.bytes };
    });
  }

  @RpcHandler('billing.storage.commit')
  commit(request: RpcParsedRequest<'billing.storage.commit'>): Promise<RpcResponse<'billing.storage.commit'>> {
    return this.quotas.transaction(async (m) => {
      const { state, defaultLimit } = await this.lockQuota(m, request);
      const held = await this.quotas.deleteReservation(m, request.key_id, request.reservation_id);
      const replaced = await this.quotas.lockObject(m, request.key_id, request.object_key);
      const next = planCommit(state, { reservedForUpload: held, replacedSize: replaced, size: request.size });
      if (next === 'exceeded') throw quotaExceeded(planRelease(state, held ?? 0));
      await this.quotas.upsertObject(m, request.key_id, request.object_key, request.size);
      await this.quotas.writeState(m, request.key_id, next);
      return { replaced_bytes: replaced, usage: toUsage(next, defaultLimit) };
    });
  }

  /** Idempotent: releasing a reservation that is gone releases nothing. */
  @RpcHandler('billing.storage.release')
  release(request: RpcParsedRequest<'billing.storage.release'>): Promise<RpcResponse<'billing.storage.release'>> {
    return this.quotas.transaction(async (m) => {
      const locked = await this.lockQuota(m, request, { optional: true });
      if (!locked) return { released_bytes: 0 };
      const held = (await this.quotas.deleteReservation(m, request.key_id, request.reservation_id)) ?? 0;
      await this.quotas.writeState(m, request.key_id, planRelease(locked.state, held));
      return { released_bytes: held };
    });
  }

  /** Idempotent: freeing an object that is not recorded frees nothing (`freed_bytes` null). */
  @RpcHandler('billing.storage.free')
  free(request: RpcParsedRequest<'billing.storage.free'>): Promise<RpcResponse<'billing.storage.free'>> {
    return this.quotas.transaction(async (m) => {
      const locked = await this.lockQuota(m, request, { optional: true });
      if (!locked) return { freed_bytes: null, usage: await this.unrecordedUsage(request) };
      const size = await this.quotas.lockObject(m, request.key_id, request.object_key);
      if (size !== null) await this.quotas.deleteObject(m, request.key_id, request.object_key);
      const next = planFree(locked.state, size);
      await this.quotas.writeState(m, request.key_id, next);
      return { freed_bytes: size, usage: toUsage(next, locked.defaultLimit) };
    });
  }

  @RpcHandler('billing.storage.usage')
  usage(request: RpcParsedRequest<'billing.storage.usage'>): Promise<StorageUsage> {
    return this.quotas.transaction(async (m) => {
      const locked = await this.lockQuota(m, request, { optional: true });
      if (!locked) return this.unrecordedUsage(request);
      await this.quotas.writeState(m, request.key_id, locked.state);
      return toUsage(locked.state, locked.defaultLimit);
    });
  }

  @RpcHandler('billing.storage.set-limit')
  async setLimit(request: RpcParsedRequest<'billing.storage.set-limit'>): Promise<StorageUsage> {
    await this.assertStorageKey(request);
    return this.quotas.transaction(async (m) => {
      await this.quotas.ensureRow(m, request.team_id, request.key_id);
      const { state } = await this.lockQuota(m, request);
      await this.quotas.setLimit(m, request.key_id, request.limit_bytes);
      await this.quotas.writeState(m, request.key_id, state);
      const limit = request.limit_bytes ?? this.config.S3_PROXY_QUOTA_BYTES;
      return toUsage({ ...state, limit }, request.limit_bytes === null);
    });
  }

  /**
   * Locks the key's quota row and returns its state with lapsed reservations already given back
   * (the caller saves the state it ends with).
   */
  private async lockQuota(m: EntityManager, ref: KeyRef): Promise<LockedQuota>;
  private async lockQuota(m: EntityManager, ref: KeyRef, options: { optional: true }): Promise<LockedQuota | null>;
  private async lockQuota(
    m: EntityManager,
    ref: KeyRef,
    options: { optional?: boolean } = {},
  ): Promise<LockedQuota | null> {
    const row = await this.quotas.lock(m, ref.team_id, ref.key_id);
    if (!row) {
      if (options.optional) return null;
      throw storageKeyNotFound(ref.key_id);
    }
    const lapsed = await this.quotas.deleteExpiredReservations(m, ref.key_id);
    const state: QuotaState = {
      limit: row.limit ?? this.config.S3_PROXY_QUOTA_BYTES,
      used: row.used,
      reserved: row.reserved,
      fileCount: row.fileCount,
    };
    return { state: planRelease(state, lapsed), defaultLimit: row.limit === null };
  }

  /** A storage key that never stored anything: empty, under the default limit. */
  private async unrecordedUsage(ref: KeyRef): Promise<StorageUsage> {
    await this.assertStorageKey(ref);
    return toUsage({ limit: this.config.S3_PROXY_QUOTA_BYTES, used: 0, reserved: 0, fileCount: 0 }, true);
  }

  private async assertStorageKey(ref: KeyRef): Promise<void> {
    const kind = await this.quotas.keyKind(ref.team_id, ref.key_id);
    if (kind === null) throw storageKeyNotFound(ref.key_id);
    if (kind !== 'kikaku_s3')
      throw new DomainError(
        'ValidationFailed',
        `key_id: storage quotas apply to kikaku_s3 keys; this is a ${kind} key`,
        { key_kind: kind },
      );
  }
}
