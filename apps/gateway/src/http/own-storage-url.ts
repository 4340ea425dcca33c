import { DomainError, MEDIA_RESOURCE_PREFIX, MEDIA_TEMP_PREFIX } from '@mp/contracts';
import { ObjectStorage } from '@mp/storage';

/** Keys `/files/{path}` serves to anyone holding the URL (unguessable ids): possession is ownership. */
const PUBLIC_KEY_PREFIXES = [MEDIA_TEMP_PREFIX, MEDIA_RESOURCE_PREFIX];

/**
 * The object key behind a URL of our own storage, so it is read internally and never fetched over
 * HTTP: a URL into our bucket (seed 000's `file_url`, any presigned GET) or the gateway's
 * `/files/{path}`. Undefined for a URL that is not ours. A key of another team (every team key is
 * `<root>/<team>/…`), or an `/s3/files/…` URL (it names a key of a kikaku_s3 key's own space), is
 * refused naming `field`.
 */
export function ownObjectKeyOf(
  url: string,
  field: string,
  context: { storage: ObjectStorage; publicBaseUrl?: string; teamId: string },
): string | undefined {
  const key = context.storage.objectKeyOfUrl(url) ?? gatewayFileKey(url, field, context.publicBaseUrl);
  if (key === undefined) return undefined;
  const segments = key.split('/');
  if (segments.some((s) => s === '' || s === '.' || s === '..')) throw invalid(field, 'is not a valid file URL');
  if (PUBLIC_KEY_PREFIXES.some((p) => key.startsWith(p)) || segments[1] === context.teamId) return key;
  throw invalid(field, 'points at a file of our storage that this team does not own');
}

function gatewayFileKey(url: string, field: string, publicBaseUrl: string | undefined): string | undefined {
  if (!publicBaseUrl) return undefined;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  const base = new URL(publicBaseUrl);
  if (parsed.origin !== base.origin) return undefined;
  const root = base.pathname.replace(/\/$/, '');
  if (parsed.pathname.startsWith(`${root}/s3/files/`))
    throw invalid(field, 'is an S3 proxy URL, readable only with its kikaku_s3 key; pass a file_url instead');
  if (!parsed.pathname.startsWith(`${root}/files/`)) return undefined;
  try {
    return decodeURIComponent(parsed.pathname.slice(`${root}/files/`.length));
  } catch {
    throw invalid(field, 'is not a valid file URL');
  }
}

function invalid(field: string, message: string): DomainError {
  return new DomainError('ValidationFailed', `${field} ${message}`, { field });
}
