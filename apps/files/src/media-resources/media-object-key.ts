import { DomainError, MEDIA_RESOURCE_PREFIX, MEDIA_TEMP_PREFIX } from '@mp/contracts';
import { extensionOfType } from './extension-of-type';

export const TEMP_PREFIX = MEDIA_TEMP_PREFIX;
const EXT = /^[a-z0-9]{1,10}$/;

/**
 * The `temp/…` object key a client names, either as the key itself or as the `file_url` of the
 * presigned PUT flow (`{CDN or S3}/[bucket/]temp/{file_id}_{timestamp}_{name}`). Anything outside
 * `temp/`, or with `.`/`..`/empty segments, is refused with the field named.
 */
export function tempKeyOf(value: string, field: string): string {
  let path = value;
  if (!value.startsWith(TEMP_PREFIX)) {
    let url: URL;
    try {
      url = new URL(value);
    } catch {
      throw invalid(field, 'must be a temp file URL or an object key under temp/');
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:')
      throw invalid(field, 'must be an http(s) URL or an object key under temp/');
    const segments = url.pathname.split('/');
    const at = segments.indexOf('temp');
    if (at < 0) throw invalid(field, 'must point under temp/ (a file uploaded with a presigned URL)');
    try {
      path = segments.slice(at).map(decodeURIComponent).join('/');
    } catch {
      throw invalid(field, 'is not a valid URL path');
    }
  }
  const segments = path.split('/');
  if (
    segments.length < 2 ||
    segments.some((s) => s === '' || s === '.' || s === '..') ||
    /[\\\u0000-\u001f]/.test(path)
  ) {
    throw invalid(field, 'must be a plain object key under temp/ (no empty, "." or ".." segments)');
  }
  return path;
}

/** The extension the canonical key gets: the temp file's own, else one for its content type, else `bin`. */
export function extensionFor(key: string, contentType: string | undefined): string {
  const name = key.slice(key.lastIndexOf('/') + 1);
  const dot = name.lastIndexOf('.');
  const own = dot > 0 ? name.slice(dot + 1).toLowerCase() : '';
  if (EXT.test(own)) return own;
  return extensionOfType(contentType) ?? 'bin';
}

export function canonicalKey(resourceId: string, ext: string): string {
  return `${MEDIA_RESOURCE_PREFIX}${resourceId}/file.${ext}`;
}

function invalid(field: string, message: string): DomainError {
  // `urls[2]` in messages; `urls.2` in issues, which the FastAPI dialect renders as loc ["body", "urls", 2].
  return new DomainError('ValidationFailed', `${field} ${message}`, {
    field,
    issues: [{ field: field.replace(/\[(\d+)\]/g, '.$1'), message }],
  });
}
