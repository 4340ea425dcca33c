import { DomainError } from '@mp/contracts';
import { ObjectStorage } from '@mp/storage';
import type { FastifyRequest } from 'fastify';
import { BestEffortCleanup } from './best-effort-cleanup';
import { byteLimit } from './byte-limit.stream';
import { fieldText, fileBytes, formParts, FormPartsOptions } from './multipart-form';
import { discardRestOfBody } from './request-body';

export interface ReceiveFilePartsOptions {
  maxBytesPerFile: number;
  /** Busboy limits (files, fields, field size) and the dialect's wording of parse failures. */
  form: Pick<FormPartsOptions, 'limits' | 'describeError'>;
  /** The name a file part is known by; parts without one are skipped. */
  name: (filename: string) => string;
  key: () => string;
  contentType: string;
  /** The dialect's error for a file over the limit; such files are refused one by one, not the whole form. */
  tooLarge: () => DomainError;
  /** The dialect's error for a file that could not be stored: the store failed, or the client's body broke. */
  storeFailed: (err: unknown, bodyError: Error | undefined) => DomainError;
  cleanupWhat: string;
}

export interface StoredFilePart {
  name: string;
  key: string;
  size: number;
}

export interface ReceivedFileParts {
  stored: StoredFilePart[];
  /** Files over the limit, with the bytes the client sent of them; nothing of them is kept. */
  refused: Array<{ name: string; bytes: number }>;
  fields: Record<string, string>;
}

/**
 * Streams every file of a `multipart/form-data` body to its own object, one after the other.
 * Oversize files are refused individually (their partial object deleted); any other failure
 * deletes everything stored so far and drains the rest of the body.
 */
export async function receiveFileParts(
  request: FastifyRequest,
  storage: ObjectStorage,
  cleanup: BestEffortCleanup,
  options: ReceiveFilePartsOptions,
): Promise<ReceivedFileParts> {
  const received: ReceivedFileParts = { stored: [], refused: [], fields: {} };
  try {
    const parts = formParts(request, options.maxBytesPerFile, { ...options.form, truncateLargeFiles: true });
    for await (const part of parts) {
      if (part.type === 'field') {
        received.fields[part.fieldname] = fieldText(part);
        continue;
      }
      const name = options.name(part.filename ?? '');
      if (!name) {
        part.file.resume();
        continue;
      }
      let sent = 0;
      part.file.on('data', (chunk: Buffer) => (sent += chunk.length));
      const key = options.key();
      const body = fileBytes(part);
      const limited = body.pipe(byteLimit(options.maxBytesPerFile, options.tooLarge));
      let bodyError: Error | undefined;
      body.once('error', (err) => {
        bodyError = err;
        limited.destroy(err);
      });
      try {
        const stored = await storage.put({ key, body: limited, contentType: options.contentType });
        received.stored.push({ name, key, size: stored.size });
      } catch (err) {
        await cleanup.deleteObjects(options.cleanupWhat, [key]);
        if (!(err instanceof DomainError)) throw options.storeFailed(err, bodyError);
        if (err.code !== options.tooLarge().code) throw err;
        part.file.resume();
        if (!part.file.readableEnded) await new Promise((done) => part.file.once('end', done));
        received.refused.push({ name, bytes: sent });
      }
    }
  } catch (err) {
    await cleanup.deleteObjects(
      options.cleanupWhat,
      received.stored.map((s) => s.key),
    );
    await discardRestOfBody(request.raw);
    throw err;
  }
  return received;
}
