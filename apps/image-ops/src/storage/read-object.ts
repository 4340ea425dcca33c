import { DomainError, IMAGE_RESULT } from '@mp/contracts';
import { ObjectStorage } from '@mp/storage';

/** An object's bytes, refused when larger than `maxBytes` (from the response's size, before reading the body). One GET, no HEAD. */
export function readObject(storage: ObjectStorage, key: string, maxBytes: number): Promise<Buffer> {
  return storage.readAll(key, maxBytes).catch(inImageTerms);
}

/** A store refusal as the image API words it: gone from storage, or over the upload volume. */
export function inImageTerms(err: unknown): never {
  if (err instanceof DomainError && err.code === 'ObjectNotFound') throw goneFromStorage();
  if (err instanceof DomainError && err.code === 'PayloadTooLarge')
    throw new DomainError('PayloadTooLarge', IMAGE_RESULT.overUploadVolume.message, {
      resultCode: IMAGE_RESULT.overUploadVolume.code,
    });
  throw err;
}

export function goneFromStorage(): DomainError {
  return new DomainError('NotFound', 'The uploaded body is gone from storage', {
    resultCode: IMAGE_RESULT.pathNotFound.code,
  });
}
