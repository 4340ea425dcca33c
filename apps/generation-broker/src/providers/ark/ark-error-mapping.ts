import { DomainError } from '@mp/contracts';

/** What one attempt's HTTP answer means for the call: done, worth another attempt, or final. */
export type AttemptVerdict =
  | { kind: 'ok'; body: unknown }
  | { kind: 'retry'; error: DomainError; retryAfterMs?: number }
  | { kind: 'fail'; error: DomainError };

const CONTENT_FILTER = /sensitive|contentfilter|content_filter|risk/i;

/** The provider's `{error:{code,message}}`, when the body has one. */
export function providerError(body: unknown): { code: string; message: string } | null {
  const error = (body as { error?: { code?: unknown; message?: unknown } } | null)?.error;
  if (!error || typeof error !== 'object') return null;
  return {
    code: typeof error.code === 'string' ? error.code : 'Unknown',
    message: typeof error.message === 'string' ? error.message : '',
  };
}

export function isContentFilterCode(code: string): boolean {
  return CONTENT_FILTER.test(code);
}

/** Seconds or an HTTP date, as RFC 9110 allows; null when absent or unreadable. */
export function retryAfterMs(header: string | string[] | undefined, now = Date.now()): number | null {
  const value = Array.isArray(header) ? header[0] : header;
  if (!value) return null;
  if (/^\d+$/.test(value.trim())) return Number(value.trim()) * 1000;
  const at = Date.parse(value);
  return Number.isNaN(at) ? null : Math.max(0, at - now);
}

/** Maps a status and parsed body (null when the body was not JSON) to a verdict. */
export function verdictOf(status: number, body: unknown, retryAfter: number | null): AttemptVerdict {
  const upstream = providerError(body);
  const details = { provider: 'ark', providerStatus: status, ...(upstream ? { providerCode: upstream.code } : {}) };
  const said = upstream?.message ? `: ${upstream.message}` : '';
  if (status >= 200 && status < 300) {
    if (body === null || typeof body !== 'object' || !Array.isArray((body as { data?: unknown }).data)) {
      return {
        kind: 'fail',
        error: new DomainError('DependencyUnavailable', 'The image provider answered with an unreadable body', details),
      };
    }
    return { kind: 'ok', body };
  }
  if (status === 429) {
    const error = new DomainError('RateLimited', `The image provider is rate limiting us${said}`, {
      ...details,
      ...(retryAfter !== null ? { retryAfterSeconds: Math.ceil(retryAfter / 1000) } : {}),
    });
    return { kind: 'retry', error, ...(retryAfter !== null ? { retryAfterMs: retryAfter } : {}) };
  }
  if (status >= 500) {
    return {
      kind: 'retry',
      error: new DomainError('DependencyUnavailable', `The image provider failed (HTTP ${status})${said}`, details),
    };
  }
  if (upstream && isContentFilterCode(upstream.code)) {
    return {
      kind: 'fail',
      error: new DomainError('ValidationFailed', `Rejected by the provider's content filter${said}`, {
        ...details,
        contentFilter: true,
      }),
    };
  }
  if (status === 400 || status === 422) {
    return {
      kind: 'fail',
      error: new DomainError('ValidationFailed', `The image provider refused the request${said}`, details),
    };
  }
  // 401/403/404 and the rest: our credentials, model id or base URL are wrong; the client cannot fix that.
  return {
    kind: 'fail',
    error: new DomainError('DependencyUnavailable', `The image provider refused us (HTTP ${status})${said}`, details),
  };
}
