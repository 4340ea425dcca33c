import type { IncomingMessage } from 'node:http';
import { PassThrough } from 'node:stream';

/**
 * Reads a request body until `enough` says so (or the body ends, or `limit` bytes), leaving the
 * rest unread. Returns the bytes read; hand them to `replayRequest` to pass the request on whole.
 */
export function readRequestPrefix(
  req: IncomingMessage,
  options: { limit: number; enough: (prefix: Buffer) => boolean },
): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    let prefix = Buffer.alloc(0);
    const finish = (error?: Error) => {
      req.off('data', onData).off('end', onEnd).off('error', finish);
      req.pause();
      if (error) reject(error);
      else resolve(prefix);
    };
    const onData = (chunk: Buffer) => {
      prefix = Buffer.concat([prefix, chunk]);
      if (prefix.length >= options.limit || options.enough(prefix)) finish();
    };
    const onEnd = () => finish();
    req.on('data', onData).once('end', onEnd).once('error', finish);
  });
}

/**
 * The same request with its already-read `prefix` put back in front of the unread body: a stream
 * carrying the request's headers, URL and socket, for a handler that reads the body itself.
 */
export function replayRequest(req: IncomingMessage, prefix: Buffer): IncomingMessage {
  const replay = new PassThrough();
  Object.assign(replay, {
    headers: req.headers,
    rawHeaders: req.rawHeaders,
    trailers: req.trailers,
    rawTrailers: req.rawTrailers,
    method: req.method,
    url: req.url,
    httpVersion: req.httpVersion,
    httpVersionMajor: req.httpVersionMajor,
    httpVersionMinor: req.httpVersionMinor,
    socket: req.socket,
    connection: req.socket,
  });
  replay.write(prefix);
  req.once('error', (err) => replay.destroy(err));
  req.pipe(replay);
  return replay as unknown as IncomingMessage;
}
