import { DomainError } from '@mp/contracts';
import { QuotaState, remainingBytes } from './quota-arithmetic';

/** Seed 002: "403 — Key suspended, expired, or quota exceeded". */
export function quotaExceeded(state: QuotaState): DomainError {
  const remaining = remainingBytes(state);
  return new DomainError(
    'QuotaExceeded',
    `Storage quota exceeded: the upload needs more than the ${remaining} bytes remaining of this key's ${state.limit}-byte quota`,
    {
      quota_limit_bytes: state.limit,
      used_bytes: state.used,
      reserved_bytes: state.reserved,
      remaining_bytes: remaining,
    },
  );
}

export function storageKeyNotFound(keyId: string): DomainError {
  return new DomainError('ApiKeyNotFound', 'API key not found', { key_id: keyId });
}

export function reservationLapsed(reservationId: string): DomainError {
  return new DomainError('Conflict', 'The upload took too long: its storage reservation lapsed', {
    reservation_id: reservationId,
  });
}
