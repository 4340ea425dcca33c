import { DomainError } from '@mp/contracts';
import { ObjectStorage } from '@mp/storage';
import { ObjectStream, openObject } from './open-object';

export interface ObjectHeader {
  /** The first bytes of the object (all of it when `complete`). */
  bytes: Buffer;
  /** The object's whole size. */
  size: number;
  complete: boolean;
}

/**
 * An object's first `bytes` bytes and its size, in one ranged GET (no HEAD, no full read). Refused
 * like `readObject`: gone from storage, or larger than `maxBytes`.
 */
export async function readObjectHeader(
  storage: ObjectStorage,
  key: string,
  bytes: number,
  maxBytes: number,
): Promise<ObjectHeader> {
  let stream: ObjectStream;
  try {
    stream = await openObject(storage, { key, range: { start: 0, end: bytes - 1 } }, maxBytes);
  } catch (err) {
    if (err instanceof DomainError && err.code === 'ValidationFailed')
      return { bytes: Buffer.alloc(0), size: 0, complete: true }; // no byte 0: empty
    throw err;
  }
  const chunks: Buffer[] = [];
  let length = 0;
  for await (const chunk of stream.body) {
    chunks.push(chunk as Buffer);
    length += (chunk as Buffer).length;
    if (length >= bytes) break; // a store ignoring the range must not make us read it all
  }
  const head = Buffer.concat(chunks).subarray(0, bytes);
  return { bytes: head, size: stream.totalSize, complete: head.length >= stream.totalSize };
}

export { goneFromStorage } from './open-object';
