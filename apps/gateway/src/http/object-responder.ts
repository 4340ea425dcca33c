import { DomainError } from '@mp/contracts';
import {
  attachmentDisposition,
  isActiveContentType,
  ObjectHead,
  ObjectStorage,
  ObjectStream,
  STORED_FILE_SAFETY_HEADERS,
} from '@mp/storage';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { randomUUID } from 'node:crypto';
import type { Readable } from 'node:stream';
import { parseRange } from './byte-range';
import { ConditionalHeaders, evaluatePreconditions, rangeAllowed, Validators } from './conditional-request';
import { byterangesBody, byterangesFraming } from './multipart-byteranges';

export interface StoredObjectResponse {
  key: string;
  /** Overrides the stored type. */
  contentType?: string;
  /** The ETag header value to answer with (quotes included); defaults to the stored ETag. */
  etag?: string;
  /** The ETag header as sent, when it differs from `etag` (Swift clients want it unquoted). */
  etagHeader?: string;
  cacheControl?: string;
  contentDisposition?: string;
  /** More headers from the stored object's head (e.g. its user metadata as `x-amz-meta-*`). */
  headersOf?: (head: ObjectHead) => Record<string, string>;
  /**
   * A GET without `Range` opens the object straight away and takes size and validators from that
   * answer instead of a HEAD first: one store round trip instead of two. The body is dropped when
   * the answer is 304/412. Worth it where most requests are plain GETs (public image URLs).
   */
  openBeforeHead?: boolean;
}

/**
 * Answers a GET or HEAD of a stored object: conditional requests (304/412), single and multiple
 * byte ranges (206, `multipart/byteranges`, 416), `Accept-Ranges`, ETag and Last-Modified; active
 * types (HTML, SVG…) as attachments, and never sniffed or run (nosniff, CSP sandbox). Throws
 * `ObjectNotFound` (or the store's error) before anything is sent; the caller maps it to its dialect.
 */
export async function sendStoredObject(
  storage: ObjectStorage,
  request: FastifyRequest,
  reply: FastifyReply,
  options: StoredObjectResponse,
): Promise<void> {
  const headers = request.headers as ConditionalHeaders & { range?: string };
  const opened =
    options.openBeforeHead && request.method === 'GET' && headers.range === undefined
      ? await storage.getStream({ key: options.key })
      : undefined;
  let handedOver = false;
  const whole = async (head: ObjectHead): Promise<Readable> => {
    if (!opened) return wholeBody(storage, head);
    handedOver = true;
    return opened.body;
  };
  try {
    await respond(storage, request, reply, options, headers, opened, whole);
  } finally {
    // The opened body was not sent (304, 412, or a failure before sending): release the connection.
    if (opened && !handedOver) opened.body.destroy();
  }
}

async function respond(
  storage: ObjectStorage,
  request: FastifyRequest,
  reply: FastifyReply,
  options: StoredObjectResponse,
  headers: ConditionalHeaders & { range?: string },
  opened: ObjectStream | undefined,
  whole: (head: ObjectHead) => Promise<Readable>,
): Promise<void> {
  const head = opened ? headOf(options.key, opened) : await storage.head(options.key);
  if (!head) throw new DomainError('ObjectNotFound', 'Object not found', { key: options.key });
  const validators: Validators = { etag: options.etag ?? `"${head.etag}"`, lastModified: head.lastModified };
  void reply
    .header('etag', options.etagHeader ?? validators.etag)
    .header('last-modified', head.lastModified.toUTCString());
  if (options.cacheControl) void reply.header('cache-control', options.cacheControl);
  if (options.headersOf) void reply.headers(options.headersOf(head));
  const precondition = evaluatePreconditions(headers, validators);
  if (precondition === 'not-modified') return void (await reply.status(304).send());
  if (precondition === 'precondition-failed') return void (await reply.status(412).send());
  const contentType = options.contentType ?? head.contentType ?? 'application/octet-stream';
  void reply.header('accept-ranges', 'bytes').headers(STORED_FILE_SAFETY_HEADERS);
  const disposition =
    options.contentDisposition ??
    (isActiveContentType(contentType) ? attachmentDisposition(options.key.split('/').pop() ?? 'download') : undefined);
  if (disposition) void reply.header('content-disposition', disposition);
  const range = rangeAllowed(headers, validators) ? parseRange(headers.range, head.size) : { kind: 'whole' as const };
  if (range.kind === 'unsatisfiable') {
    return void (await reply.status(416).header('content-range', `bytes */${head.size}`).send());
  }
  const isHead = request.method === 'HEAD';
  if (range.kind === 'whole') {
    void reply.status(200).header('content-type', contentType).header('content-length', head.size);
    if (isHead) return void (await reply.send());
    return void (await reply.send(await whole(head)));
  }
  if (range.ranges.length === 1) {
    const only = range.ranges[0]!;
    void reply
      .status(206)
      .header('content-type', contentType)
      .header('content-range', `bytes ${only.start}-${only.end}/${head.size}`)
      .header('content-length', only.end - only.start + 1);
    if (isHead) return void (await reply.send());
    const part = await storage.getStream({ key: head.key, range: only });
    return void (await reply.send(part.body));
  }
  const boundary = randomUUID().replace(/-/g, '');
  const framing = byterangesFraming(boundary, contentType, range.ranges, head.size);
  void reply
    .status(206)
    .header('content-type', `multipart/byteranges; boundary=${boundary}`)
    .header('content-length', framing.length);
  if (isHead) return void (await reply.send());
  const body = byterangesBody(
    framing,
    range.ranges,
    async (r) => (await storage.getStream({ key: head.key, range: r })).body,
  );
  await reply.send(body);
}

function headOf(key: string, opened: ObjectStream): ObjectHead {
  return {
    key,
    size: opened.totalSize,
    contentType: opened.contentType,
    etag: opened.etag,
    lastModified: opened.lastModified,
    metadata: opened.metadata,
  };
}

async function wholeBody(storage: ObjectStorage, head: ObjectHead) {
  return (await storage.getStream({ key: head.key })).body;
}
