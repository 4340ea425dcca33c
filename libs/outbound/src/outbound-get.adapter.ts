import { targetRequest } from './target-request';
import { OutboundTarget } from './outbound-target';

export class ResponseTooLargeError extends Error {
  constructor(readonly maxBytes: number) {
    super(`the response is larger than ${maxBytes} bytes`);
    this.name = 'ResponseTooLargeError';
  }
}

export interface OutboundGetResult {
  statusCode: number;
  body: Buffer;
}

/**
 * A GET of a guarded target (see `targetRequest`) with one deadline, the body capped while it
 * streams (a larger one fails with ResponseTooLargeError).
 */
export function getFromTarget(
  target: OutboundTarget,
  options: { timeoutMs: number; maxBytes: number; accept?: string },
): Promise<OutboundGetResult> {
  const { timeoutMs, maxBytes } = options;
  return new Promise<OutboundGetResult>((resolve, reject) => {
    const req = targetRequest(target, 'GET', options.accept ? { accept: options.accept } : {});
    const deadline = setTimeout(() => req.destroy(new Error(`timed out after ${timeoutMs} ms`)), timeoutMs);
    const fail = (err: Error) => {
      clearTimeout(deadline);
      reject(err);
    };
    req.on('error', fail);
    req.on('response', (res) => {
      if (Number(res.headers['content-length']) > maxBytes) {
        req.destroy(new ResponseTooLargeError(maxBytes));
        return;
      }
      const chunks: Buffer[] = [];
      let received = 0;
      res.on('data', (chunk: Buffer) => {
        received += chunk.length;
        if (received > maxBytes) req.destroy(new ResponseTooLargeError(maxBytes));
        else chunks.push(chunk);
      });
      res.on('end', () => {
        clearTimeout(deadline);
        resolve({ statusCode: res.statusCode ?? 0, body: Buffer.concat(chunks) });
      });
      res.on('error', fail);
    });
    req.end();
  });
}
