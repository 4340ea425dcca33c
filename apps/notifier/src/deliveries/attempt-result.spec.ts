import { refusedResult, resultOfNetworkError, resultOfResponse, truncate } from './attempt-result';

describe('attempt results', () => {
  const now = Date.parse('2026-01-01T00:00:00Z');

  it('treats 2xx as delivered', () => {
    expect(resultOfResponse(200, undefined, now)).toEqual({ outcome: 'delivered', statusCode: 200, error: null });
    expect(resultOfResponse(204, undefined, now).outcome).toBe('delivered');
  });

  it('retries 5xx, 408 and 429 and carries Retry-After', () => {
    expect(resultOfResponse(503, undefined, now)).toEqual({
      outcome: 'retry',
      statusCode: 503,
      error: 'HTTP 503',
      retryAfterMs: undefined,
    });
    expect(resultOfResponse(429, '7', now)).toMatchObject({ outcome: 'retry', retryAfterMs: 7000 });
    expect(resultOfResponse(408, undefined, now).outcome).toBe('retry');
  });

  it('gives up at once on other 4xx and on redirects', () => {
    expect(resultOfResponse(400, '5', now)).toEqual({ outcome: 'failed', statusCode: 400, error: 'HTTP 400' });
    expect(resultOfResponse(404, undefined, now).outcome).toBe('failed');
    expect(resultOfResponse(302, undefined, now)).toMatchObject({
      outcome: 'failed',
      error: 'HTTP 302 (redirects are not followed)',
    });
  });

  it('retries network errors and reports refusals as such', () => {
    const econnrefused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:9'), { code: 'ECONNREFUSED' });
    expect(resultOfNetworkError(econnrefused)).toEqual({
      outcome: 'retry',
      statusCode: null,
      error: 'network error: ECONNREFUSED: connect ECONNREFUSED 127.0.0.1:9',
    });
    expect(refusedResult('port 22 is not allowed')).toMatchObject({
      outcome: 'refused',
      error: 'refused by the outbound guard: port 22 is not allowed',
    });
  });

  it('truncates long errors', () => {
    expect(truncate('x'.repeat(600))).toHaveLength(500);
    expect(truncate('short')).toBe('short');
  });
});
