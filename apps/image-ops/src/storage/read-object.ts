import { ObjectStorage } from '@mp/storage';
import { openObject } from './open-object';

/** An object's bytes, refused when larger than `maxBytes` (from the response's size, before reading the body). One GET, no HEAD. */
export async function readObject(storage: ObjectStorage, key: string, maxBytes: number): Promise<Buffer> {
  const stream = await openObject(storage, { key }, maxBytes);
  const chunks: Buffer[] = [];
  for await (const chunk of stream.body) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}
