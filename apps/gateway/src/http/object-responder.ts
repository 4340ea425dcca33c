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
import { Readable } from 'node:stream';
import { buffer } from 'node:stream/consumers';
import { parseRange, SatisfiableRange } from './byte-range';
import { ConditionalHeaders, evaluatePreconditions, rangeAllowed, Validators } from './conditional-request';
import { byterangesBody, byterangesFraming } from './multipart-byteranges';
import { SmallObjectCache } from './small-object.cache';

type RequestHeaders = ConditionalHeaders & { range?: string };

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
  /**
   * Small objects answered from memory when `version` (an immutable key, or the ETag the object's
   * owner reported) was read before; a whole read of an admitted size is kept.
   */
  cache?: { store: SmallObjectCache; version: string };
}

/** Where the answer's bytes come from: the store, or memory for a cached object. */
interface BodySource {
  whole(head: ObjectHead): Promise<Readable | Buffer>;
  /** A range of the version `head` describes; a part of another version is never sent as this one. */
  part(range: SatisfiableRange, head: ObjectHead): Promise<Readable | Buffer>;
}

/**
 * Answers a GET or HEAD of a stored object: conditional requests (304/412), single and multiple
 * byte ranges (206, `multipart/byteranges`, 416), `Accept-Ranges`, ETag and Last-Modified; active
 * types (HTML, SVG…) as attachments, and never sniffed or run (nosniff, CSP sandbox). Throws
 * `ObjectNotFound` (or the store's error) before anything is sent; the caller maps it to its dialect.
 * Headers and bytes are always of one version: an object replaced between its HEAD and the GET of
 * its bytes is answered again from the new version (a multi-range answer already under way is cut
 * off instead, so the client sees a failed read, never mixed bytes).
 */
export async function sendStoredObject(
  storage: ObjectStorage,
  request: FastifyRequest,
  reply: FastifyReply,
  options: StoredObjectResponse,
): Promise<void> {
  const headers = request.headers as RequestHeaders;
  const cache = options.cache;
  const cached = cache?.store.get(options.key, cache.version);
  if (cached) return respond(request, reply, options, headers, cached.head, memoryBody(cached.bytes));
  const before = new Set(Object.keys(reply.getHeaders()));
  for (let attempt = 1; ; attempt++) {
    try {
      return await sendFromStore(storage, request, reply, options, headers);
    } catch (err) {
      if (!(err instanceof ObjectChangedWhileRead) || reply.sent) throw err;
      // Nothing was sent: drop this answer's headers, then answer from the object as it is now.
      for (const name of Object.keys(reply.getHeaders())) if (!before.has(name)) reply.removeHeader(name);
      if (attempt === READ_ATTEMPTS)
        throw new DomainError('DependencyUnavailable', 'The object kept changing while it was read; retry', {
          key: options.key,
        });
    }
  }
}

/** Reads of an object that was replaced between its HEAD and a GET of its bytes, before giving up. */
const READ_ATTEMPTS = 3;

/** The bytes a GET returned belong to another version than the HEAD the answer's headers came from. */
class ObjectChangedWhileRead extends Error {}

async function sendFromStore(
  storage: ObjectStorage,
  request: FastifyRequest,
  reply: FastifyReply,
  options: StoredObjectResponse,
  headers: RequestHeaders,
): Promise<void> {
  const cache = options.cache;
  const opened =
    options.openBeforeHead && request.method === 'GET' && headers.range === undefined
      ? await storage.getStream({ key: options.key })
      : undefined;
  let handedOver = false;
  const sameVersion = (head: ObjectHead, stream: ObjectStream): Readable => {
    if (stream.etag === head.etag) return stream.body;
    stream.body.destroy();
    throw new ObjectChangedWhileRead(options.key);
  };
  const fromStore: BodySource = {
    whole: async (head) => {
      const body = opened ? opened.body : sameVersion(head, await storage.getStream({ key: head.key }));
      if (!cache?.store.admits(head.size)) {
        handedOver = true;
        return body;
      }
      const bytes = await buffer(body);
      handedOver = true;
      cache.store.set(options.key, cache.version, { head, bytes });
      return bytes;
    },
    part: async (range, head) => sameVersion(head, await storage.getStream({ key: options.key, range })),
  };
  try {
    const head = opened ? headOf(options.key, opened) : await storage.head(options.key);
    if (!head) throw new DomainError('ObjectNotFound', 'Object not found', { key: options.key });
    await respond(request, reply, options, headers, head, fromStore);
  } finally {
    // The opened body was not sent (304, 412, or a failure before sending): release the connection.
    if (opened && !handedOver) opened.body.destroy();
  }
}

async function respond(
  request: FastifyRequest,
  reply: FastifyReply,
  options: StoredObjectResponse,
  headers: RequestHeaders,
  head: ObjectHead,
  source: BodySource,
): Promise<void> {
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
    return void (await reply.send(await source.whole(head)));
  }
  if (range.ranges.length === 1) {
    const only = range.ranges[0]!;
    void reply
      .status(206)
      .header('content-type', contentType)
      .header('content-range', `bytes ${only.start}-${only.end}/${head.size}`)
      .header('content-length', only.end - only.start + 1);
    if (isHead) return void (await reply.send());
    return void (await reply.send(await source.part(only, head)));
  }
  const boundary = randomUUID().replace(/-/g, '');
  const framing = byterangesFraming(boundary, contentType, range.ranges, head.size);
  void reply
    .status(206)
    .header('content-type', `multipart/byteranges; boundary=${boundary}`)
    .header('content-length', framing.length);
  if (isHead) return void (await reply.send());
  await reply.send(byterangesBody(framing, range.ranges, async (r) => asStream(await source.part(r, head))));
}

function memoryBody(bytes: Buffer): BodySource {
  return {
    whole: async () => bytes,
    part: async (range) => bytes.subarray(range.start, range.end + 1),
  };
}

function asStream(body: Readable | Buffer): Readable {
  return Buffer.isBuffer(body) ? Readable.from([body]) : body;
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
