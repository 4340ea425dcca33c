import { DomainError } from '@mp/contracts';
import { ObjectStorage } from '../object-storage';
import { Readable } from 'node:stream';
import { RangeSource } from './range-source';

/** An object of the store read with ranged GETs; nothing beyond the requested range is fetched. */
export async function objectRangeSource(storage: ObjectStorage, key: string): Promise<RangeSource> {
  const head = await storage.head(key);
  if (!head) throw new DomainError('ObjectNotFound', 'The uploaded ZIP file is missing from the store', { key });
  return {
    size: head.size,
    async read(start, end) {
      const { body } = await storage.getStream({ key, range: { start, end } });
      const chunks: Buffer[] = [];
      for await (const chunk of body) chunks.push(chunk as Buffer);
      return Buffer.concat(chunks);
    },
    async stream(start, end) {
      if (end < start) return Readable.from([]);
      return (await storage.getStream({ key, range: { start, end } })).body;
    },
  };
}
