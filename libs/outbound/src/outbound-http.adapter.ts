import { request as httpRequest, IncomingHttpHeaders } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { OutboundTarget } from './outbound-target';
import { pinnedLookup } from './pinned-lookup';

export interface OutboundPost {
  target: OutboundTarget;
  headers: Record<string, string>;
  body: string;
  timeoutMs: number;
  /** How much of the response body to keep for the delivery log. */
  excerptBytes: number;
}

export interface OutboundResponse {
  statusCode: number;
  headers: IncomingHttpHeaders;
  excerpt: string;
}

/**
 * The only place the notifier opens outbound connections: a POST to a guarded target, connected
 * to its pinned address, no redirects followed, no connection reuse, and one deadline covering
 * connect, request and the response excerpt.
 */
export function postToTarget(post: OutboundPost): Promise<OutboundResponse> {
  const { target } = post;
  const send = target.url.protocol === 'https:' ? httpsRequest : httpRequest;
  const payload = Buffer.from(post.body, 'utf8');
  return new Promise<OutboundResponse>((resolve, reject) => {
    const req = send({
      protocol: target.url.protocol,
      hostname: target.hostname,
      port: target.port,
      path: `${target.url.pathname}${target.url.search}`,
      method: 'POST',
      headers: { ...post.headers, 'content-length': String(payload.length) },
      lookup: pinnedLookup(target.address, target.family),
      agent: false,
    });
    const deadline = setTimeout(() => req.destroy(new Error(`timed out after ${post.timeoutMs} ms`)), post.timeoutMs);
    const finish = (settle: () => void) => {
      clearTimeout(deadline);
      settle();
    };
    req.on('error', (err) => finish(() => reject(err)));
    req.on('response', (res) => {
      const chunks: Buffer[] = [];
      let kept = 0;
      const done = () => {
        finish(() =>
          resolve({
            statusCode: res.statusCode ?? 0,
            headers: res.headers,
            excerpt: Buffer.concat(chunks).toString('utf8'),
          }),
        );
        res.destroy();
      };
      res.on('data', (chunk: Buffer) => {
        if (kept < post.excerptBytes) {
          const part = chunk.subarray(0, post.excerptBytes - kept);
          chunks.push(part);
          kept += part.length;
        }
        if (kept >= post.excerptBytes) done();
      });
      res.on('end', done);
      res.on('error', done);
    });
    req.end(payload);
  });
}
