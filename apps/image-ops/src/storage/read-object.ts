import { DomainError, IMAGE_RESULT } from '@mp/contracts';
import { ObjectStorage } from '@mp/storage';
import { goneFromStorage } from './open-object';

/** An object's bytes, refused when larger than `maxBytes` (from the response's size, before reading the body). One GET, no HEAD. */
export async function readObject(storage: ObjectStorage, key: string, maxBytes: number): Promise<Buffer> {
  try {
    return await storage.readAll(key, maxBytes);
  } catch (err) {
    if (err instanceof DomainError && err.code === 'ObjectNotFound') throw goneFromStorage();
    if (err instanceof DomainError && err.code === 'PayloadTooLarge')
      throw new DomainError('PayloadTooLarge', IMAGE_RESULT.overUploadVolume.message, {
        resultCode: IMAGE_RESULT.overUploadVolume.code,
      });
    throw err;
  }
}
