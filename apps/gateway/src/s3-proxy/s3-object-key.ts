import { DomainError, Principal, S3_PROXY_KEY_MAX_BYTES } from '@mp/contracts';

const CONTROL_CHARS = /[\u0000-\u001f\u007f]/;

/** Where a key's objects live: every object key carries the team and the API key. */
const OBJECT_ROOT = 's3proxy';
/** Uploads stream here first and are copied to their key once the whole form has been read. */
const STAGING_ROOT = 's3proxy-uploads';

/**
 * Checks a user-visible object key (`folder/myfile.txt`): 1–1024 UTF-8 bytes, no control
 * characters or backslashes, relative, no empty, `.` or `..` segments, not ending in `/`.
 * Throws ValidationFailed naming `field`.
 */
export function validateObjectKey(key: string, field = 'key'): string {
  if (key.length === 0) throw invalid(field, `${field} must not be empty`);
  checkCommon(key, field);
  if (key.endsWith('/')) throw invalid(field, `${field} must not end with "/"`);
  return key;
}

/** Checks a listing prefix: empty, or like a key but may end in `/` (a folder). */
export function validatePrefix(prefix: string): string {
  if (prefix.length === 0) return prefix;
  checkCommon(prefix, 'prefix');
  return prefix;
}

function checkCommon(value: string, field: string): void {
  if (Buffer.byteLength(value, 'utf8') > S3_PROXY_KEY_MAX_BYTES)
    throw invalid(field, `${field} must be at most ${S3_PROXY_KEY_MAX_BYTES} bytes`);
  if (CONTROL_CHARS.test(value)) throw invalid(field, `${field} must not contain control characters`);
  if (value.includes('\\')) throw invalid(field, `${field} must use "/" as separator, not "\\"`);
  if (value.startsWith('/')) throw invalid(field, `${field} must be relative (no leading "/")`);
  const segments = value.split('/');
  const inner = value.endsWith('/') ? segments.slice(0, -1) : segments;
  if (inner.some((s) => s === '.' || s === '..'))
    throw invalid(field, `${field} must not contain "." or ".." segments`);
  if (inner.some((s) => s.length === 0)) throw invalid(field, `${field} must not contain empty segments ("//")`);
}

function invalid(field: string, message: string): DomainError {
  return new DomainError('ValidationFailed', message, { field });
}

/** Object-store keys of one principal's keyspace. */
export class KeySpace {
  readonly root: string;
  readonly teamId: string;
  readonly keyId: string;
  private readonly stagingRoot: string;

  constructor(principal: Pick<Principal, 'team_id' | 'key_id'>) {
    this.teamId = principal.team_id;
    this.keyId = principal.key_id;
    this.root = `${OBJECT_ROOT}/${principal.team_id}/${principal.key_id}/`;
    this.stagingRoot = `${STAGING_ROOT}/${principal.team_id}/${principal.key_id}/`;
  }

  /** The store key of a validated user key. */
  objectKey(userKey: string): string {
    return this.root + userKey;
  }

  stagingKey(uploadId: string): string {
    return this.stagingRoot + uploadId;
  }

  /** The user key of a store key listed under `root`. */
  userKey(objectKey: string): string {
    if (!objectKey.startsWith(this.root)) throw new Error('Object listed outside the keyspace');
    return objectKey.slice(this.root.length);
  }
}
