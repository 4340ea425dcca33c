import { DomainError } from '@mp/contracts';
import type { IncomingMessage } from 'node:http';

/** COPY requests rewritten to a PUT that must be refused (no usable Destination), with Swift's reason. */
const refusedCopies = new WeakMap<IncomingMessage, string>();

/** Throws Swift's 412 for a COPY that had no usable `Destination`. */
export function assertCopyHadDestination(req: IncomingMessage): void {
  const reason = refusedCopies.get(req);
  if (reason !== undefined) throw new DomainError('PreconditionFailed', reason, {});
}

/**
 * Swift's `COPY /v1/{account}/{container}/{object}` with `Destination: {container}/{object}` is a
 * `PUT` of the destination with `X-Copy-From` naming the source — Swift's own proxy rewrites it
 * so. Done before routing (Nest has no COPY routes); any other request is left as it is.
 */
export function swiftCopyAsPut(req: IncomingMessage): string {
  const url = req.url ?? '/';
  if (req.method !== 'COPY') return url;
  const match = /^\/v1\/([^/?]+)\/([^?]*)(\?.*)?$/.exec(url);
  if (!match) return url;
  const destination = req.headers.destination;
  const target = typeof destination === 'string' ? destination.trim().replace(/^\/+/, '') : '';
  req.method = 'PUT';
  req.headers['content-length'] = '0';
  delete req.headers['transfer-encoding'];
  const slash = target.indexOf('/');
  if (slash <= 0 || slash === target.length - 1) {
    // Swift's copy middleware answers 412 to a COPY without a usable Destination.
    refusedCopies.set(
      req,
      target === ''
        ? 'You must provide a Destination header.'
        : 'Destination header must be of the form <container name>/<object name>',
    );
    return url;
  }
  const account = req.headers['destination-account'];
  req.headers['x-copy-from'] = `/${match[2]}`;
  if (typeof account === 'string' && account !== '') req.headers['x-copy-from-account'] = match[1];
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
