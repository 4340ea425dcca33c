import { DomainError, IMAGE_RESULT } from '@mp/contracts';
import { ObjectStorage } from '@mp/storage';
import { goneFromStorage } from './read-object-header';

/** An object's bytes, refused when larger than `maxBytes` (from the response's size, before reading the body). One GET, no HEAD. */
export async function readObject(storage: ObjectStorage, key: string, maxBytes: number): Promise<Buffer> {
  let stream: Awaited<ReturnType<ObjectStorage['getStream']>>;
  try {
    stream = await storage.getStream({ key });
  } catch (err) {
    if (err instanceof DomainError && err.code === 'ObjectNotFound') throw goneFromStorage();
    throw err;
  }
  if (stream.totalSize > maxBytes) {
    stream.body.destroy();
    throw new DomainError('PayloadTooLarge', IMAGE_RESULT.overUploadVolume.message, {
      resultCode: IMAGE_RESULT.overUploadVolume.code,
    });
  }
  const chunks: Buffer[] = [];
  for await (const chunk of stream.body) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}
