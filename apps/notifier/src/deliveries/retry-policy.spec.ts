import { isRetryableStatus, parseRetryAfter, retryDelayMs } from './retry-policy';

describe('retry policy', () => {
  const settings = { baseDelayMs: 1000, maxDelayMs: 60_000 };

  it('retries 408, 429 and 5xx only', () => {
    for (const status of [408, 429, 500, 502, 503, 504, 599]) expect(isRetryableStatus(status)).toBe(true);
    for (const status of [200, 301, 400, 401, 403, 404, 409, 410, 413, 422])
      expect(isRetryableStatus(status)).toBe(false);
  });

  it('grows exponentially with equal jitter', () => {
    expect(retryDelayMs(1, settings, undefined, () => 0)).toBe(500);
    expect(retryDelayMs(1, settings, undefined, () => 1)).toBe(1000);
    expect(retryDelayMs(2, settings, undefined, () => 0)).toBe(1000);
    expect(retryDelayMs(3, settings, undefined, () => 1)).toBe(4000);
    expect(retryDelayMs(5, settings, undefined, () => 0.5)).toBe(12_000);
  });

  it('is capped at the maximum delay, even for huge attempt numbers', () => {
    expect(retryDelayMs(10, settings, undefined, () => 1)).toBe(60_000);
    expect(retryDelayMs(1000, settings, undefined, () => 1)).toBe(60_000);
  });

  it('waits at least as long as Retry-After asks, up to the cap', () => {
    expect(retryDelayMs(1, settings, 5000, () => 0)).toBe(5000);
    expect(retryDelayMs(4, settings, 100, () => 1)).toBe(8000);
    expect(retryDelayMs(1, settings, 3_600_000, () => 0)).toBe(60_000);
  });

  it('parses Retry-After as seconds or an HTTP date', () => {
    const now = Date.parse('2026-01-01T00:00:00Z');
    expect(parseRetryAfter('3', now)).toBe(3000);
    expect(parseRetryAfter(' 0 ', now)).toBe(0);
    expect(parseRetryAfter('Thu, 01 Jan 2026 00:00:10 GMT', now)).toBe(10_000);
    expect(parseRetryAfter('Wed, 31 Dec 2025 23:00:00 GMT', now)).toBe(0);
    expect(parseRetryAfter(['2', '9'], now)).toBe(2000);
    for (const bad of [undefined, '', '-1', '1.5', 'soon', '2026-01-01'])
      expect(parseRetryAfter(bad, now)).toBeUndefined();
  });
});
