import { DomainError, IMAGE_RESULT, imageUploadKeyPrefix } from '@mp/contracts';
import { ObjectStorage } from '@mp/storage';
import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { BestEffortCleanup } from '../http/best-effort-cleanup';
import { byteLimit } from '../http/byte-limit.stream';

/** A body over `maxBytes` (seed: 11004). */
export const imageTooLarge = (maxBytes: number) =>
  new DomainError('PayloadTooLarge', IMAGE_RESULT.overUploadVolume.message, {
    resultCode: IMAGE_RESULT.overUploadVolume.code,
    maxBytes,
  });

/** A body that could not be stored: the client's broke off, or the store failed. */
export function imageStoreFailure(err: unknown, bodyError: Error | undefined): DomainError {
  if (err instanceof DomainError) return err;
  if (bodyError) return new DomainError('ValidationFailed', `Malformed upload body: ${bodyError.message}`);
  return new DomainError('DependencyUnavailable', 'Could not store the uploaded body');
}

/** Where an uploaded body is stored: a fresh key under the upload prefix image-ops adopts from. */
export function imageUploadKey(app: { team_id: string; app_key: string }): string {
  return `${imageUploadKeyPrefix(app)}${randomUUID()}`;
}

/**
 * Streams a request body to object storage at a new upload key; image-ops verifies and places it
 * (only keys travel over NATS). A refused or broken body leaves nothing behind.
 */
export async function stageBody(
  storage: ObjectStorage,
  cleanup: BestEffortCleanup,
  app: { team_id: string; app_key: string },
  body: Readable,
  maxBytes: number,
  contentLength?: number,
): Promise<{ staging_key: string; bytes: number }> {
  const key = imageUploadKey(app);
  const limited = body.pipe(byteLimit(maxBytes, () => imageTooLarge(maxBytes)));
  let bodyError: Error | undefined;
  body.on('error', (err) => {
    bodyError = err;
    limited.destroy(err);
  });
  try {
    // A declared length within the limit goes up as one streamed request (no part buffers, no payload hash).
    const stored =
      contentLength !== undefined && contentLength <= maxBytes
        ? await storage.putStream({ key, body: limited, contentType: 'application/octet-stream', contentLength })
        : await storage.put({ key, body: limited, contentType: 'application/octet-stream' });
    return { staging_key: key, bytes: stored.size };
  } catch (err) {
    await cleanup.deleteObjects('delete refused image upload', [key]);
    throw imageStoreFailure(err, bodyError);
  }
}
