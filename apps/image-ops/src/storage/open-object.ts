import { DomainError, IMAGE_RESULT } from '@mp/contracts';
import { ObjectStorage } from '@mp/storage';

export type ObjectStream = Awaited<ReturnType<ObjectStorage['getStream']>>;

/** One GET of an object, refused when it is gone from storage or larger than `maxBytes` (before its body is read). */
export async function openObject(
  storage: ObjectStorage,
  request: Parameters<ObjectStorage['getStream']>[0],
  maxBytes: number,
): Promise<ObjectStream> {
  let stream: ObjectStream;
  try {
    stream = await storage.getStream(request);
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
  return stream;
}

export function goneFromStorage(): DomainError {
  return new DomainError('NotFound', 'The uploaded body is gone from storage', {
    resultCode: IMAGE_RESULT.pathNotFound.code,
  });
}
