import { DomainError } from '@mp/contracts';
import { validatePrefix } from './s3-object-key';

export const S3_LIST_DEFAULT_LIMIT = 100;
export const S3_LIST_MAX_LIMIT = 1000;

export interface S3ListQuery {
  prefix: string;
  limit: number;
  cursor?: string;
}

/** `prefix`, `limit`, `cursor` of `GET /s3/files`, checked; each failure names its parameter. */
export function parseListQuery(query: Record<string, unknown>): S3ListQuery {
  const raw = { prefix: single(query, 'prefix'), limit: single(query, 'limit'), cursor: single(query, 'cursor') };
  const prefix = validatePrefix(raw.prefix ?? '');
  let limit = S3_LIST_DEFAULT_LIMIT;
  if (raw.limit !== undefined && raw.limit !== '') {
    if (!/^\d+$/.test(raw.limit) || Number(raw.limit) < 1 || Number(raw.limit) > S3_LIST_MAX_LIMIT) {
      throw new DomainError('ValidationFailed', `limit must be a whole number from 1 to ${S3_LIST_MAX_LIMIT}`, {
        field: 'limit',
      });
    }
    limit = Number(raw.limit);
  }
  const cursor = raw.cursor === undefined || raw.cursor === '' ? undefined : raw.cursor;
  if (cursor !== undefined && !/^[A-Za-z0-9_-]{1,2800}$/.test(cursor)) {
    throw new DomainError(
      'ValidationFailed',
      'cursor is not one this API returned: pass next_cursor of the previous page',
      { field: 'cursor' },
    );
  }
  return { prefix, limit, cursor };
}

function single(query: Record<string, unknown>, name: string): string | undefined {
  const value = query[name];
  if (value === undefined || typeof value === 'string') return value;
  throw new DomainError('ValidationFailed', `${name} must be given once`, { field: name });
}
