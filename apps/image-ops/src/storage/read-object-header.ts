import { ObjectStorage } from '@mp/storage';
import { inImageTerms } from './read-object';

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
  const head = await storage.readFirstBytes(key, bytes, maxBytes).catch(inImageTerms);
  return { bytes: head.bytes, size: head.size, complete: head.bytes.length >= head.size };
}
