import type { IncomingMessage } from 'node:http';

/**
 * Swift's `COPY /v1/{account}/{container}/{object}` with `Destination: {container}/{object}` is a
 * `PUT` of the destination with `X-Copy-From` naming the source — Swift's own proxy rewrites it
 * so. Done before routing (Nest has no COPY routes); any other request is left as it is.
 */
export function swiftCopyAsPut(req: IncomingMessage): string {
  const url = req.url ?? '/';
  if (req.method !== 'COPY') return url;
  const match = /^\/v1\/([^/?]+)\/([^?]*)(\?.*)?$/.exec(url);
  const destination = req.headers.destination;
  if (!match || typeof destination !== 'string' || destination.trim() === '') return url;
  const account = req.headers['destination-account'];
  const target = destination.trim().replace(/^\/+/, '');
  req.method = 'PUT';
  req.headers['x-copy-from'] = `/${match[2]}`;
  if (typeof account === 'string' && account !== '') req.headers['x-copy-from-account'] = match[1];
  req.headers['content-length'] = '0';
  delete req.headers['transfer-encoding'];
  const destAccount = typeof account === 'string' && account !== '' ? encodeURIComponent(account) : match[1];
  const encoded = target
    .split('/')
    .map((s) => encodeURIComponent(safeDecode(s)))
    .join('/');
  return `/v1/${destAccount}/${encoded}${match[3] ?? ''}`;
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
