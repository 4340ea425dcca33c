/** URI-encodes everything but RFC 3986's unreserved characters, as SigV4 canonicalisation requires. */
export function encodeRfc3986(text: string): string {
  return encodeURIComponent(text).replace(/[!'()*]/g, (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase()}`);
}
