import { StorageUsage } from '@mp/contracts';

/** A key's quota row, in bytes, with the effective limit resolved. */
export interface QuotaState {
  limit: number;
  used: number;
  reserved: number;
  fileCount: number;
}

/** Bytes that still fit: never negative, even when a lowered limit sits below usage. */
export function remainingBytes(state: QuotaState): number {
  return Math.max(0, state.limit - state.used - state.reserved);
}

export function toUsage(state: QuotaState, defaultLimit: boolean): StorageUsage {
  const remaining = remainingBytes(state);
  return {
    quota_limit_bytes: state.limit,
    used_bytes: state.used,
    reserved_bytes: state.reserved,
    remaining_bytes: remaining,
    file_count: state.fileCount,
    status: remaining > 0 ? 'active' : 'exceeded',
    default_limit: defaultLimit,
  };
}

/** The quota with `bytes` more held for an upload, or 'exceeded' if they do not fit. */
export function planReserve(state: QuotaState, bytes: number): QuotaState | 'exceeded' {
  if (state.used + state.reserved + bytes > state.limit) return 'exceeded';
  return { ...state, reserved: state.reserved + bytes };
}

/** The quota with `bytes` of reservations given back (reservations lapsed or released). */
export function planRelease(state: QuotaState, bytes: number): QuotaState {
  return { ...state, reserved: Math.max(0, state.reserved - bytes) };
}

export interface CommitInput {
  /** Bytes the upload held; null when its reservation lapsed before the commit. */
  reservedForUpload: number | null;
  /** Size of the object the upload replaces under the same key; null for a new key. */
  replacedSize: number | null;
  size: number;
}

/**
 * The quota after an upload of `size` bytes lands: its reservation is returned, the object's size
 * is charged (less any object it replaced). Bytes the reservation covered were already admitted;
 * bytes beyond it (or all of them, when the reservation lapsed) must still fit.
 */
export function planCommit(state: QuotaState, input: CommitInput): QuotaState | 'exceeded' {
  const held = input.reservedForUpload ?? 0;
  const next: QuotaState = {
    limit: state.limit,
    used: state.used - (input.replacedSize ?? 0) + input.size,
    reserved: Math.max(0, state.reserved - held),
    fileCount: state.fileCount + (input.replacedSize === null ? 1 : 0),
  };
  const admitted = input.size <= held;
  if (!admitted && next.used + next.reserved > state.limit && next.used > state.used) return 'exceeded';
  return next;
}

/** The quota after an object of `size` bytes (or none, when null) is deleted. */
export function planFree(state: QuotaState, size: number | null): QuotaState {
  if (size === null) return state;
  return { ...state, used: Math.max(0, state.used - size), fileCount: Math.max(0, state.fileCount - 1) };
}
