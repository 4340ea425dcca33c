import { DomainError } from '@mp/contracts';
import type { IncomingHttpHeaders } from 'node:http';

const MAX_EPOCH_SECONDS = 253_402_300_799; // 9999-12-31

/**
 * `X-Delete-At` (epoch seconds) or `X-Delete-After` (seconds from now) as an ISO time; `undefined`
 * when neither is sent. Swift answers 400 for a value that is not a number or already past.
 */
export function deleteAtOf(headers: IncomingHttpHeaders, now = Date.now()): string | undefined {
  const at = single(headers['x-delete-at']);
  const after = single(headers['x-delete-after']);
  let seconds: number | undefined;
  if (after !== undefined) seconds = Math.floor(now / 1000) + integer(after, 'X-Delete-After');
  else if (at !== undefined) seconds = integer(at, 'X-Delete-At');
  if (seconds === undefined) return undefined;
  if (seconds * 1000 <= now) throw new DomainError('ValidationFailed', 'X-Delete-At is in the past', {});
  if (seconds > MAX_EPOCH_SECONDS) throw new DomainError('ValidationFailed', 'X-Delete-At is too far away', {});
  return new Date(seconds * 1000).toISOString();
}

const single = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value)?.trim();

function integer(value: string, header: string): number {
  if (!/^\d{1,15}(\.\d+)?$/.test(value))
    throw new DomainError('ValidationFailed', `${header} must be a number of seconds`, {});
  return Math.floor(Number(value));
}
