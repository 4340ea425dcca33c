/**
 * Media types a browser runs as a document (scripts in HTML, SVG, XML+XSLT…). Served from one of
 * our origins inline, a stored file of such a type runs with that origin's cookies and storage, so
 * it is always served as an attachment, sandboxed, never sniffed.
 */
const ACTIVE_TYPES = new Set([
  'text/html',
  'application/xhtml+xml',
  'image/svg+xml',
  'text/xml',
  'application/xml',
  'text/xsl',
  'application/xslt+xml',
  'text/javascript',
  'application/javascript',
  'application/ecmascript',
  'text/ecmascript',
  'application/x-shockwave-flash',
  'text/vtt',
  'multipart/x-mixed-replace',
]);

/** True for a type a browser would render as an active document; a missing or unparsable type counts too. */
export function isActiveContentType(contentType: string | null | undefined): boolean {
  const essence = (contentType ?? '').split(';')[0].trim().toLowerCase();
  if (!/^[a-z0-9!#$&^_.+-]+\/[a-z0-9!#$&^_.+-]+$/.test(essence)) return true;
  return ACTIVE_TYPES.has(essence) || essence.endsWith('+xml');
}

/** Response headers that keep any stored file from running as a page of the serving origin. */
export const STORED_FILE_SAFETY_HEADERS = {
  'x-content-type-options': 'nosniff',
  'content-security-policy': "sandbox; default-src 'none'",
} as const;
