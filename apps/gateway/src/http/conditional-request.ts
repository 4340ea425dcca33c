/** What identifies a representation for conditional requests. */
export interface Validators {
  /** The ETag header value, quotes included (`"abc"` or `W/"abc"`). */
  etag: string;
  lastModified?: Date;
}

export interface ConditionalHeaders {
  'if-match'?: string | string[];
  'if-none-match'?: string | string[];
  'if-modified-since'?: string | string[];
  'if-unmodified-since'?: string | string[];
  'if-range'?: string | string[];
}

export type Precondition = 'proceed' | 'not-modified' | 'precondition-failed';

const joined = (header: string | string[] | undefined) => (Array.isArray(header) ? header.join(',') : header);
const opaque = (tag: string) => tag.trim().replace(/^W\//, '');
const isWeak = (tag: string) => tag.trim().startsWith('W/');

function listMatches(header: string, etag: string, strong: boolean): boolean {
  return header.split(',').some((raw) => {
    const tag = raw.trim();
    if (tag === '*') return true;
    if (strong && (isWeak(tag) || isWeak(etag))) return false;
    return opaque(tag) === opaque(etag);
  });
}

/** Whether an `If-None-Match` header names `etag` (weak comparison, `*` matches anything). */
export function etagMatches(header: string | string[] | undefined, etag: string): boolean {
  const value = joined(header);
  return value !== undefined && value.trim() !== '' && listMatches(value, etag, false);
}

/** An HTTP-date, or undefined when absent or invalid (an invalid date condition is ignored). */
function httpDate(header: string | string[] | undefined): number | undefined {
  const value = joined(header);
  if (!value) return undefined;
  const time = Date.parse(value);
  return Number.isNaN(time) ? undefined : time;
}

/** Dates in HTTP have whole seconds. */
const seconds = (date: Date) => Math.floor(date.getTime() / 1000) * 1000;

/** The preconditions of a GET/HEAD, evaluated in the order of RFC 9110 §13.2.2. */
export function evaluatePreconditions(headers: ConditionalHeaders, validators: Validators): Precondition {
  const ifMatch = joined(headers['if-match']);
  const modified = validators.lastModified && seconds(validators.lastModified);
  if (ifMatch !== undefined) {
    if (!listMatches(ifMatch, validators.etag, true)) return 'precondition-failed';
  } else {
    const unmodifiedSince = httpDate(headers['if-unmodified-since']);
    if (unmodifiedSince !== undefined && modified !== undefined && modified > unmodifiedSince)
      return 'precondition-failed';
  }
  const ifNoneMatch = joined(headers['if-none-match']);
  if (ifNoneMatch !== undefined) {
    if (listMatches(ifNoneMatch, validators.etag, false)) return 'not-modified';
  } else {
    const modifiedSince = httpDate(headers['if-modified-since']);
    if (modifiedSince !== undefined && modified !== undefined && modified <= modifiedSince) return 'not-modified';
  }
  return 'proceed';
}

/** Whether `If-Range` (absent, or naming the current representation) lets a Range be honoured (RFC 9110 §13.1.5). */
export function rangeAllowed(headers: ConditionalHeaders, validators: Validators): boolean {
  const ifRange = joined(headers['if-range'])?.trim();
  if (!ifRange) return true;
  if (ifRange.startsWith('"') || ifRange.startsWith('W/')) return listMatches(ifRange, validators.etag, true);
  const date = httpDate(ifRange);
  return date !== undefined && validators.lastModified !== undefined && seconds(validators.lastModified) === date;
}
