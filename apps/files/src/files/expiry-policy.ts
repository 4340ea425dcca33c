import { DomainError } from '@mp/contracts';

const DAY_MS = 86_400_000;

export interface RetentionSettings {
  defaultDays: number;
  minDays: number;
  maxDays: number;
}

/** Rejects a `retention_days` outside the configured bounds (its type is checked by the contract). */
export function assertRetentionInBounds(metadata: Record<string, unknown>, settings: RetentionSettings): void {
  const days = metadata.retention_days;
  if (typeof days !== 'number') return;
  if (days < settings.minDays || days > settings.maxDays) {
    throw new DomainError(
      'ValidationFailed',
      `metadata.retention_days: must be between ${settings.minDays} and ${settings.maxDays} days`,
      {
        issues: [
          {
            field: 'metadata.retention_days',
            message: `must be between ${settings.minDays} and ${settings.maxDays} days`,
          },
        ],
      },
    );
  }
}

/** Days a file is kept: its `retention_days` metadata, else the default. */
export function retentionDaysOf(metadata: Record<string, unknown>, settings: RetentionSettings): number {
  return typeof metadata.retention_days === 'number' ? metadata.retention_days : settings.defaultDays;
}

/** When an active file expires: never while `legal_hold` is true, else its retention after activation. */
export function expiresAtOf(
  activatedAt: Date,
  metadata: Record<string, unknown>,
  settings: RetentionSettings,
): Date | null {
  if (metadata.legal_hold === true) return null;
  return new Date(activatedAt.getTime() + retentionDaysOf(metadata, settings) * DAY_MS);
}

export function isExpired(expiresAt: Date | null, now: Date): boolean {
  return expiresAt !== null && expiresAt.getTime() <= now.getTime();
}
