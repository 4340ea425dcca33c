import { encodeRfc3986 } from './rfc3986';

/**
 * The canonical URI and query string of a SigV4 request, from its raw URL as S3 computes them:
 * every path segment and query name/value URI-encoded per RFC 3986 (unreserved characters
 * only), parameters sorted, the signature itself left out.
 */
export function canonicalUriAndQuery(rawUrl: string): { uri: string; querystring: string } {
  const queryStart = rawUrl.indexOf('?');
  const path = queryStart < 0 ? rawUrl : rawUrl.slice(0, queryStart);
  const query = queryStart < 0 ? '' : rawUrl.slice(queryStart + 1);
  const uri =
    path
      .split('/')
      .map((segment) => encodeRfc3986(safeDecode(segment)))
      .join('/') || '/';
  const querystring = query
    .split('&')
    .filter(Boolean)
    .map((pair) => {
      const eq = pair.indexOf('=');
      const name = eq < 0 ? pair : pair.slice(0, eq);
      const value = eq < 0 ? '' : pair.slice(eq + 1);
      return [encodeRfc3986(safeDecode(name)), encodeRfc3986(safeDecode(value))] as const;
    })
    .filter(([name]) => name !== 'X-Amz-Signature')
    .sort(([a, x], [b, y]) => (a === b ? compare(x, y) : compare(a, b)))
    .map(([name, value]) => `${name}=${value}`)
    .join('&');
  return { uri, querystring };
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
