import { DomainError, IMAGE_RESULT } from '@mp/contracts';
import { ObjectStorage } from '@mp/storage';
import { goneFromStorage } from './read-object-header';

/** An object's bytes, refused when larger than `maxBytes` (checked before reading). */
export async function readObject(storage: ObjectStorage, key: string, maxBytes: number): Promise<Buffer> {
  const head = await storage.head(key);
  if (!head) throw goneFromStorage();
  if (head.size > maxBytes) throw new DomainError('PayloadTooLarge', IMAGE_RESULT.overUploadVolume.message, { resultCode: IMAGE_RESULT.overUploadVolume.code });
  const { body } = await storage.getStream({ key });
  const chunks: Buffer[] = [];
  for await (const chunk of body) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}
