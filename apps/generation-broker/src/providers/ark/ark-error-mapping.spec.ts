import { retryAfterMs, verdictOf } from './ark-error-mapping';

describe('retryAfterMs', () => {
  const now = Date.parse('2026-01-01T00:00:00Z');
  it('reads seconds and HTTP dates', () => {
    expect(retryAfterMs('3', now)).toBe(3000);
    expect(retryAfterMs('Thu, 01 Jan 2026 00:00:05 GMT', now)).toBe(5000);
    expect(retryAfterMs('Wed, 31 Dec 2025 23:00:00 GMT', now)).toBe(0);
    expect(retryAfterMs(undefined, now)).toBeNull();
    expect(retryAfterMs('soon', now)).toBeNull();
  });
});

describe('verdictOf', () => {
  it.each([
    [200, { data: [] }, 'ok', undefined],
    [200, null, 'fail', 'DependencyUnavailable'],
    [200, { data: 'x' }, 'fail', 'DependencyUnavailable'],
    [429, {}, 'retry', 'RateLimited'],
    [500, null, 'retry', 'DependencyUnavailable'],
    [502, {}, 'retry', 'DependencyUnavailable'],
    [400, { error: { code: 'InvalidParameter', message: 'size' } }, 'fail', 'ValidationFailed'],
    [400, { error: { code: 'OutputImageSensitiveContentDetected' } }, 'fail', 'ValidationFailed'],
    [401, {}, 'fail', 'DependencyUnavailable'],
    [404, { error: { code: 'ModelNotOpen' } }, 'fail', 'DependencyUnavailable'],
  ])('HTTP %i %j → %s %s', (status, body, kind, code) => {
    const verdict = verdictOf(status, body, null);
    expect(verdict.kind).toBe(kind);
    if (verdict.kind !== 'ok') expect(verdict.error.code).toBe(code);
  });
});
