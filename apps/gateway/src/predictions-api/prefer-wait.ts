import { DomainError } from '@mp/contracts';

export const MAX_PREFER_WAIT_SECONDS = 60;

/**
 * `Prefer: wait` (60 s) or `Prefer: wait=N` (1 ≤ N ≤ 60) → seconds to wait for the prediction to
 * finish; undefined without a `wait` preference (other preferences are ignored, RFC 7240).
 */
export function preferWaitSeconds(header: string | string[] | undefined): number | undefined {
  const values = (Array.isArray(header) ? header : header === undefined ? [] : [header]).flatMap((v) => v.split(','));
  for (const raw of values) {
    const [name, value] = raw
      .split(';')[0]
      .split('=')
      .map((p) => p.trim());
    if (name.toLowerCase() !== 'wait') continue;
    if (value === undefined || value === '') return MAX_PREFER_WAIT_SECONDS;
    const seconds = /^\d{1,4}$/.test(value) ? Number(value) : NaN;
    if (!(seconds >= 1 && seconds <= MAX_PREFER_WAIT_SECONDS)) {
      throw new DomainError(
        'ValidationFailed',
        `Prefer: wait=${value.slice(0, 20)} must be a whole number of seconds from 1 to ${MAX_PREFER_WAIT_SECONDS}`,
        { field: 'Prefer' },
      );
    }
    return seconds;
  }
  return undefined;
}
