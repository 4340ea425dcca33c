export interface RetrySettings {
  baseDelayMs: number;
  maxDelayMs: number;
}

/** Responses worth another try: timeouts, throttling and server errors. Other statuses are final. */
export function isRetryableStatus(status: number): boolean {
  return status === 408 || status === 429 || status >= 500;
}

/** `Retry-After` as milliseconds from `nowMs` (delta-seconds or an HTTP date); undefined if absent or invalid. */
export function parseRetryAfter(value: string | string[] | undefined, nowMs: number): number | undefined {
  const text = (Array.isArray(value) ? value[0] : value)?.trim();
  if (!text) return undefined;
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  const date = Date.parse(text);
  if (Number.isNaN(date) || !/[a-z]/i.test(text)) return undefined;
  return Math.max(0, date - nowMs);
}

/**
 * Delay before the next attempt after `failedAttempt` (1-based) failed: exponential
 * (base · 2^(n-1)) with equal jitter (uniform in [d/2, d]), never earlier than the receiver's
 * Retry-After, and capped at maxDelayMs.
 */
export function retryDelayMs(
  failedAttempt: number,
  settings: RetrySettings,
  retryAfterMs?: number,
  random: () => number = Math.random,
): number {
  const exponential = Math.min(settings.maxDelayMs, settings.baseDelayMs * 2 ** Math.min(failedAttempt - 1, 30));
  const jittered = exponential / 2 + random() * (exponential / 2);
  return Math.round(Math.min(settings.maxDelayMs, Math.max(jittered, retryAfterMs ?? 0)));
}
