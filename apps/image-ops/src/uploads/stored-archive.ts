import { DomainError, IMAGE_RESULT } from '@mp/contracts';
import { ObjectStorage, objectRangeSource, RangeSource } from '@mp/storage';
import { goneFromStorage } from '../storage/read-object';

/**
 * A stored archive for the ZIP reader, read with ranged GETs. Refused like any stored upload (`readObject`):
 * gone from storage, or larger than `maxBytes`.
 */
export async function storedArchive(storage: ObjectStorage, key: string, maxBytes: number): Promise<RangeSource> {
  let source: RangeSource;
  try {
    source = await objectRangeSource(storage, key);
  } catch (err) {
    if (err instanceof DomainError && err.code === 'ObjectNotFound') throw goneFromStorage();
    throw err;
  }
  if (source.size > maxBytes)
    throw new DomainError('PayloadTooLarge', IMAGE_RESULT.overUploadVolume.message, {
      resultCode: IMAGE_RESULT.overUploadVolume.code,
    });
  return source;
}
