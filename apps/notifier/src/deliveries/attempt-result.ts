import type { CallbackAttemptOutcome } from '@mp/contracts';
import { isRetryableStatus, parseRetryAfter } from './retry-policy';

/** What one attempt came to, before the attempt budget decides whether a retry happens. */
export interface AttemptResult {
  outcome: CallbackAttemptOutcome;
  statusCode: number | null;
  error: string | null;
  retryAfterMs?: number;
}

const MAX_ERROR_CHARS = 500;

export function truncate(text: string, max = MAX_ERROR_CHARS): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** 2xx delivered; 408/429/5xx retried (with Retry-After); redirects and other 4xx final. */
export function resultOfResponse(
  statusCode: number,
  retryAfter: string | string[] | undefined,
  nowMs: number,
): AttemptResult {
  if (statusCode >= 200 && statusCode < 300) return { outcome: 'delivered', statusCode, error: null };
  if (isRetryableStatus(statusCode)) {
    return {
      outcome: 'retry',
      statusCode,
      error: `HTTP ${statusCode}`,
      retryAfterMs: parseRetryAfter(retryAfter, nowMs),
    };
  }
  const why = statusCode >= 300 && statusCode < 400 ? ' (redirects are not followed)' : '';
  return { outcome: 'failed', statusCode, error: `HTTP ${statusCode}${why}` };
}

/** Connection errors, timeouts and DNS failures may pass: retried. */
export function resultOfNetworkError(err: unknown): AttemptResult {
  const e = err as NodeJS.ErrnoException;
  const detail = e?.code ? `${e.code}: ${e.message}` : String(e?.message ?? err);
  return { outcome: 'retry', statusCode: null, error: truncate(`network error: ${detail}`) };
}

export function refusedResult(reason: string): AttemptResult {
  return { outcome: 'refused', statusCode: null, error: truncate(`refused by the outbound guard: ${reason}`) };
}
