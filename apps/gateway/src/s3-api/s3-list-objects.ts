import { DomainError } from '@mp/contracts';
import { encodeRfc3986 } from '@mp/storage';
import { validatePrefix } from '../s3-proxy/s3-object-key';

export interface ListObjectsParams {
  version: 1 | 2;
  prefix: string;
  delimiter: string;
  maxKeys: number;
  /** Keys after this one (V1 marker, V2 start-after or decoded continuation token). */
  after: string;
  continuationToken?: string;
  startAfter?: string;
  marker?: string;
  encodeUrl: boolean;
  fetchOwner: boolean;
}

const DEFAULT_MAX_KEYS = 1000;

const invalid = (message: string) => new DomainError('ValidationFailed', message, { s3_code: 'InvalidArgument' });

/** The parameters of ListObjects (V1) or ListObjectsV2 (`list-type=2`), checked. */
export function parseListObjects(query: URLSearchParams): ListObjectsParams {
  const version = query.get('list-type') === '2' ? 2 : 1;
  if (query.has('list-type') && !['1', '2'].includes(query.get('list-type')!)) throw invalid('Invalid list-type.');
  const rawMax = query.get('max-keys');
  if (rawMax !== null && !/^\d{1,9}$/.test(rawMax)) throw invalid('max-keys must be a non-negative integer.');
  const maxKeys = Math.min(rawMax === null ? DEFAULT_MAX_KEYS : Number(rawMax), DEFAULT_MAX_KEYS);
  const encoding = query.get('encoding-type');
  if (encoding !== null && encoding !== 'url') throw invalid('Invalid Encoding Method specified in Request');
  const token = query.get('continuation-token') ?? undefined;
  const startAfter = query.get('start-after') ?? undefined;
  const marker = query.get('marker') ?? undefined;
  const after = version === 2 ? (token !== undefined ? decodeToken(token) : (startAfter ?? '')) : (marker ?? '');
  return {
    version,
    // The REST proxy's rules: a prefix can never reach out of the keyspace (no "..", no leading "/").
    prefix: validatePrefix(query.get('prefix') ?? ''),
    delimiter: query.get('delimiter') ?? '',
    maxKeys,
    after,
    continuationToken: token,
    startAfter,
    marker,
    encodeUrl: encoding === 'url',
    fetchOwner: query.get('fetch-owner') === 'true',
  };
}

/** Continuation tokens are opaque to clients: the last key or prefix listed, base64url. */
export function encodeToken(lastKey: string): string {
  return Buffer.from(lastKey, 'utf8').toString('base64url');
}

function decodeToken(token: string): string {
  if (!/^[A-Za-z0-9_-]{1,2800}$/.test(token)) throw invalid('The continuation token provided is incorrect');
  return Buffer.from(token, 'base64url').toString('utf8');
}

/** A key as `encoding-type=url` returns it: percent-encoded, slashes kept. */
export function urlEncodeKey(key: string): string {
  return key.split('/').map(encodeRfc3986).join('/');
}
