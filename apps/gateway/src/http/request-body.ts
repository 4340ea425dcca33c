import type { IncomingMessage } from 'node:http';

/** How long a refused upload's remaining body is read (and discarded) before answering anyway. */
const DRAIN_TIMEOUT_MS = 30_000;

/**
 * Discards the rest of a request body the handler stopped reading, so the client finishes
 * sending and reads the error instead of seeing its connection reset mid-upload.
 */
export async function discardRestOfBody(raw: IncomingMessage): Promise<void> {
  raw.unpipe();
  if (raw.readableEnded || raw.destroyed) return;
  await new Promise<void>((resolve) => {
    const done = () => {
      clearTimeout(timer);
      raw.off('end', done);
      raw.off('close', done);
      raw.off('error', done);
      resolve();
    };
    const timer = setTimeout(done, DRAIN_TIMEOUT_MS);
    raw.on('end', done);
    raw.on('close', done);
    raw.on('error', done);
    raw.resume();
  });
}

/** The declared Content-Length, when there is a valid one. */
export function declaredLength(raw: IncomingMessage): number | undefined {
  const header = raw.headers['content-length'];
  if (header === undefined || !/^\d+$/.test(header)) return undefined;
  const length = Number(header);
  return Number.isSafeInteger(length) ? length : undefined;
}
