import { Injectable } from '@nestjs/common';
import { DomainError } from '@mp/contracts';
import { ObjectStorage } from '@mp/storage';
import type { FastifyRequest } from 'fastify';
import { BestEffortCleanup } from './best-effort-cleanup';
import { pipeline, Readable } from 'node:stream';
import { fieldText, fileBytes, formParts } from './multipart-form';
import { QuotaLimiter } from './quota-limiter.stream';
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
  wrongField: (fieldname: string) => DomainError;
  /** Text fields, as they arrive (before or after the file); may throw to refuse the form. */
  onField?: (name: string, value: string) => void;
  /** Admits the file's bytes against a quota: each chunk waits until `cover(total)` resolves; a rejection stops the upload. */
  quota?: { cover: (total: number) => Promise<void> };
  /** The dialect's error for a file that could not be stored (the store or the quota hook failed, or the body broke). */
  storeFailed?: (err: unknown, context: { bodyError?: Error; interrupted: boolean }) => DomainError;
  /** Names the clean-up of a refused file in logs and metrics. */
  cleanupWhat: string;
}

export interface ReceivedFilePart extends FilePartInfo {
  key: string;
  contentType: string;
  size: number;
  etag: string;
}

/** A file that could not be stored, as every dialect words it unless it says otherwise. */
export function defaultStoreFailure(
  err: unknown,
  { bodyError, interrupted }: { bodyError?: Error; interrupted: boolean },
): DomainError {
  if (err instanceof DomainError) return err;
  if (bodyError) {
    return new DomainError('ValidationFailed', `Malformed multipart/form-data body: ${bodyError.message}`, {
      field: 'file',
    });
  }
  if (interrupted) {
    return new DomainError('ValidationFailed', 'The upload was interrupted before the file was complete', {
      field: 'file',
    });
  }
  return new DomainError('DependencyUnavailable', 'Object storage is unavailable, please retry');
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
      if (part.type !== 'file') {
        if (options.onField) options.onField(part.fieldname, fieldText(part));
        continue;
      }
      if (part.fieldname !== options.field || received !== undefined) {
        part.file.resume();
        throw options.wrongField(part.fieldname);
      }
      const info: FilePartInfo = { filename: part.filename ?? '', mimetype: part.mimetype ?? '' };
      received = { ...info, key: options.key(info), contentType: options.contentType(info), size: 0, etag: '' };
      const stored = await store(storage, part, received, options, request);
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

/**
 * Puts the part's bytes, through the quota hook when there is one. The part is piped before anything
 * is awaited: the parser may end or destroy it meanwhile (a body cut short), and only a stream
 * already in a pipeline reports that.
 */
async function store(
  storage: ObjectStorage,
  part: Parameters<typeof fileBytes>[0],
  target: { key: string; contentType: string },
  options: ReceiveFilePartOptions,
  request: FastifyRequest,
): Promise<{ size: number; etag: string }> {
  let bodyError: Error | undefined;
  part.file.once('error', (err: Error & { code?: string }) => {
    if (err.code !== 'ERR_STREAM_PREMATURE_CLOSE' && !(err instanceof DomainError)) bodyError = err;
  });
  let body: Readable = fileBytes(part);
  let limiter: QuotaLimiter | undefined;
  if (options.quota) {
    limiter = new QuotaLimiter({ maxBytes: options.maxBytes, cover: options.quota.cover });
    pipeline(body, limiter, () => undefined); // failures surface through the put below
    body = limiter;
  }
  try {
    return await storage.put({ key: target.key, body, contentType: target.contentType });
  } catch (err) {
    limiter?.destroy();
    const cause = limiter?.errored ?? err;
    if (cause instanceof DomainError) throw cause;
    const raw = request.raw;
    const context = { bodyError, interrupted: raw.destroyed && !raw.readableEnded };
    throw (options.storeFailed ?? defaultStoreFailure)(cause, context);
  }
}

/** `receiveFilePart` on the app's object store and clean-up, for receivers that need nothing else. */
@Injectable()
export class FilePartReceiver {
  constructor(
    private readonly storage: ObjectStorage,
    private readonly cleanup: BestEffortCleanup,
  ) {}

  receive(request: FastifyRequest, options: ReceiveFilePartOptions): Promise<ReceivedFilePart> {
    return receiveFilePart(request, this.storage, this.cleanup, options);
  }
}
