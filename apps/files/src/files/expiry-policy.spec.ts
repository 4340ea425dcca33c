import { DomainError } from '@mp/contracts';
import { assertRetentionInBounds, expiresAtOf, isExpired, retentionDaysOf } from './expiry-policy';

const settings = { defaultDays: 7, minDays: 1, maxDays: 30 };
const activatedAt = new Date('2025-12-14T12:00:00.000Z');

describe('expiry policy', () => {
  it('expires after the default retention', () => {
    expect(expiresAtOf(activatedAt, {}, settings)?.toISOString()).toBe('2025-12-21T12:00:00.000Z');
  });

  it('follows retention_days from metadata', () => {
    expect(retentionDaysOf({ retention_days: 2 }, settings)).toBe(2);
    expect(expiresAtOf(activatedAt, { retention_days: 30 }, settings)?.toISOString()).toBe('2026-01-13T12:00:00.000Z');
  });

  it('never expires under legal hold', () => {
    expect(expiresAtOf(activatedAt, { legal_hold: true, retention_days: 1 }, settings)).toBeNull();
    expect(expiresAtOf(activatedAt, { legal_hold: false }, settings)).not.toBeNull();
  });

  it('treats the expiry instant itself as expired', () => {
    const at = new Date('2025-12-21T12:00:00.000Z');
    expect(isExpired(at, new Date(at.getTime() - 1))).toBe(false);
    expect(isExpired(at, at)).toBe(true);
    expect(isExpired(null, new Date('2999-01-01'))).toBe(false);
  });

  it('rejects retention_days outside the configured bounds, naming the key', () => {
    expect(() => assertRetentionInBounds({ retention_days: 31 }, settings)).toThrow(DomainError);
    expect(() => assertRetentionInBounds({ retention_days: 31 }, settings)).toThrow(
      'metadata.retention_days: must be between 1 and 30 days',
    );
    expect(() => assertRetentionInBounds({ retention_days: 30 }, settings)).not.toThrow();
    expect(() => assertRetentionInBounds({ retention_days: 1 }, settings)).not.toThrow();
    expect(() => assertRetentionInBounds({}, settings)).not.toThrow();
    expect(() => assertRetentionInBounds({ retention_days: 1 }, { ...settings, minDays: 2 })).toThrow(
      'between 2 and 30',
    );
  });
});
