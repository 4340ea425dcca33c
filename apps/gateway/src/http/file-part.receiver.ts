import { DomainError } from '@mp/contracts';
import { ObjectStorage } from '@mp/storage';
import type { FastifyRequest } from 'fastify';
import { BestEffortCleanup } from './best-effort-cleanup';
import { fileBytes, formParts } from './multipart-form';
import { discardRestOfBody } from './request-body';

/** What the client said about the file part. */
export interface FilePartInfo {
  filename: string;
  mimetype: string;
}

export interface ReceiveFilePartOptions {
  /** The form field that carries the file; any other file field is refused with `wrongField`. */
  field: string;
  maxBytes: number;
  /** The object key to store the part at. */
  key: (part: FilePartInfo) => string;
  contentType: (part: FilePartInfo) => string;
  /** The dialect's errors: a file over `maxBytes`, no file, a file in another field or a second file. */
  tooLarge: () => DomainError;
  missing: () => DomainError;
  wrongField: () => DomainError;
  /** Names the clean-up of a refused file in logs and metrics. */
  cleanupWhat: string;
}

export interface ReceivedFilePart extends FilePartInfo {
  key: string;
  contentType: string;
  size: number;
  etag: string;
}

const isTooLarge = (err: unknown) =>
  (err instanceof DomainError && err.code === 'PayloadTooLarge') ||
  (err as { code?: unknown })?.code === 'FST_REQ_FILE_TOO_LARGE';

/**
 * Streams the one file of a `multipart/form-data` body to object storage (never held whole in
 * memory). The body must end with its closing boundary; on any failure what was written is deleted
 * and the rest of the body is drained, so the client reads the error instead of a reset.
 */
export async function receiveFilePart(
  request: FastifyRequest,
  storage: ObjectStorage,
  cleanup: BestEffortCleanup,
  options: ReceiveFilePartOptions,
): Promise<ReceivedFilePart> {
  let received: ReceivedFilePart | undefined;
  try {
    for await (const part of formParts(request, options.maxBytes)) {
      if (part.type !== 'file') continue;
      if (part.fieldname !== options.field || received !== undefined) {
        part.file.resume();
        throw options.wrongField();
      }
      const info: FilePartInfo = { filename: part.filename ?? '', mimetype: part.mimetype ?? '' };
      received = { ...info, key: options.key(info), contentType: options.contentType(info), size: 0, etag: '' };
      const stored = await storage.put({ key: received.key, body: fileBytes(part), contentType: received.contentType });
      if (part.file.truncated || stored.size > options.maxBytes) throw options.tooLarge();
      received.size = stored.size;
      received.etag = stored.etag;
    }
  } catch (err) {
    if (received) await cleanup.deleteObjects(options.cleanupWhat, [received.key]);
    await discardRestOfBody(request.raw);
    throw isTooLarge(err) ? options.tooLarge() : err;
  }
  if (received === undefined) throw options.missing();
  return received;
}
