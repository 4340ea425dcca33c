import { DomainError } from '@mp/contracts';

/** Seed 002: "403 — Key suspended, expired, atau quota habis. Hubungi admin untuk perpanjangan." */
export function imageQuotaExhausted(limit: number, used: number, reserved: number, asked: number): DomainError {
  const remaining = Math.max(0, limit - used - reserved);
  return new DomainError(
    'QuotaExceeded',
    `Quota exhausted: this request needs ${asked} image(s) and ${remaining} of this key's ${limit} remain. Contact the admin to extend the quota.`,
    { quota_limit: limit, used_count: used, reserved_count: reserved, remaining, requested: asked },
  );
}

export function keySuspended(): DomainError {
  return new DomainError('KeySuspended', 'API key suspended. Contact the admin to reactivate it.');
}

export function keyExpired(expiresAt: Date): DomainError {
  return new DomainError(
    'KeyExpired',
    `API key expired on ${expiresAt.toISOString()}. Contact the admin to extend it.`,
    { expires_at: expiresAt.toISOString() },
  );
}

export function aiImageKeyNotFound(keyId: string): DomainError {
  return new DomainError('ApiKeyNotFound', 'API key not found', { key_id: keyId });
}

/** PATCH of AI Image fields on a key of another kind: those fields do not exist there. */
export function notAnAiImageKey(keyId: string, kind: string): DomainError {
  return new DomainError('ApiKeyNotFound', `API key not found among this team's AI Image (kikaku) keys`, {
    key_id: keyId,
    key_kind: kind,
  });
}

export function reservationNotFound(requestId: string): DomainError {
  return new DomainError('NotFound', 'No image reservation for this request', { request_id: requestId });
}
