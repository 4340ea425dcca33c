import type { Multipart } from '@fastify/multipart';
import { DomainError, isUnsafeText } from '@mp/contracts';
import { unsafeTextError } from './unsafe-text.interceptor';
import type { FastifyRequest } from 'fastify';
import { Readable } from 'node:stream';
import { ClosingDelimiterWatch } from './closing-delimiter.watch';

/** Field values (the `key`) are short; one file per upload. */
const FORM_LIMITS = { fields: 10, fieldSize: 8 * 1024, fieldNameSize: 100, files: 1, parts: 20, headerPairs: 100 };

/**
 * The parts of a `multipart/form-data` upload, in the order the client sent them, with the file
 * part's bytes left unread until the consumer streams them. Parse failures (malformed body, limits)
 * become ValidationFailed / PayloadTooLarge instead of escaping as unexpected errors, and a body
 * that ends before its closing delimiter is refused after the last part.
 */
export interface FormPartsOptions {
  /** Busboy limits over the single-file defaults (several files, larger fields). */
  limits?: Partial<typeof FORM_LIMITS>;
  /** Lets oversize files arrive truncated (`part.file.truncated`) instead of failing the whole form. */
  truncateLargeFiles?: boolean;
  /** The dialect's wording of a parse failure; falls back to the single-file form's. */
  describeError?: (err: unknown) => DomainError | undefined;
}

export async function* formParts(
  request: FastifyRequest,
  maxFileBytes: number,
  options: FormPartsOptions = {},
): AsyncGenerator<Multipart> {
  if (!request.isMultipart()) {
    throw new DomainError(
      'ValidationFailed',
      'Send the upload as multipart/form-data with the file in the field "file"',
      { field: 'file' },
    );
  }
  // One byte over the limit, so that the limit is reported by our own check rather than a silent truncation.
  const closing = new ClosingDelimiterWatch(request.raw);
  const iterator = request.parts({
    limits: { ...FORM_LIMITS, ...options.limits, fileSize: maxFileBytes + 1 },
    ...(options.truncateLargeFiles ? { throwFileSizeLimit: false } : {}),
  } as Parameters<FastifyRequest['parts']>[0]);
  for (;;) {
    let next: IteratorResult<Multipart>;
    try {
      next = await iterator.next();
    } catch (err) {
      throw (err instanceof DomainError ? err : options.describeError?.(err)) ?? multipartError(err);
    }
    if (next.done) {
      if (!closing.complete)
        throw new DomainError(
          'ValidationFailed',
          'Malformed multipart/form-data body: it ends before its closing boundary',
          { field: 'file' },
        );
      return;
    }
    yield next.value;
  }
}

/**
 * The bytes of a file part. A part whose stream the parser already ended before the consumer got
 * to it (an empty file, or a body cut short) would never emit 'end' again; it reads as empty, and
 * a truncated body is then refused by `formParts` after the last part.
 */
export function fileBytes(part: Multipart & { type: 'file' }): Readable {
  return part.file.readableEnded || part.file.destroyed ? Readable.from([]) : part.file;
}

/** A field's text value; refuses truncated values rather than using half of one. */
export function fieldText(part: Multipart & { type: 'field' }): string {
  if (part.valueTruncated)
    throw new DomainError('ValidationFailed', `${part.fieldname} is too long`, { field: part.fieldname });
  const text = typeof part.value === 'string' ? part.value : String(part.value);
  if (isUnsafeText(text)) throw unsafeTextError('body', part.fieldname);
  return text;
}

function multipartError(err: unknown): DomainError {
  if (err instanceof DomainError) return err;
  const code = (err as { code?: unknown })?.code;
  switch (code) {
    case 'FST_FILES_LIMIT':
      return new DomainError('ValidationFailed', 'Send exactly one file, in the field "file"', { field: 'file' });
    case 'FST_PARTS_LIMIT':
    case 'FST_FIELDS_LIMIT':
      return new DomainError('ValidationFailed', 'The form has too many fields: send "file" and optionally "key"');
    case 'FST_REQ_FILE_TOO_LARGE':
      return new DomainError('PayloadTooLarge', 'The file is too large');
    case 'FST_PROTO_VIOLATION':
      return new DomainError('ValidationFailed', 'Invalid form field name');
    default:
      return new DomainError(
        'ValidationFailed',
        `Malformed multipart/form-data body: ${err instanceof Error ? err.message : String(err)}`,
      );
  }
}
