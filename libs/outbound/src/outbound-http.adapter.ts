import type { IncomingHttpHeaders } from 'node:http';
import { OutboundTarget } from './outbound-target';
import { targetRequest } from './target-request';

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
 * A POST to a guarded target (see `targetRequest`) with one deadline covering connect, request and
 * the response excerpt: how the notifier delivers callbacks and providers are called.
 */
export function postToTarget(post: OutboundPost): Promise<OutboundResponse> {
  const payload = Buffer.from(post.body, 'utf8');
  return new Promise<OutboundResponse>((resolve, reject) => {
    const req = targetRequest(post.target, 'POST', { ...post.headers, 'content-length': String(payload.length) });
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
