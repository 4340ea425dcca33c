import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Readable } from 'node:stream';
import { parseRange } from '../http/byte-range';
import { ConditionalHeaders, evaluatePreconditions, rangeAllowed } from '../http/conditional-request';

export interface VirtualObject {
  size: number;
  /** Quoted, as the validator; `etagHeader` is what is sent when it differs. */
  etag: string;
  etagHeader?: string;
  lastModified: Date;
  contentType: string;
  /** The bytes `start`–`end` (inclusive). */
  body(start: number, end: number): Promise<Readable>;
}

/**
 * GET/HEAD of an object whose bytes are not one stored object as they are (a dynamic large
 * object, an encrypted object): conditional requests (304/412), one byte range (206; several are
 * served whole, as the RFC allows), 416, `Last-Modified`.
 */
export async function sendVirtualObject(request: FastifyRequest, reply: FastifyReply, object: VirtualObject) {
  const validators = { etag: object.etag, lastModified: object.lastModified };
  void reply
    .header('etag', object.etagHeader ?? object.etag)
    .header('last-modified', object.lastModified.toUTCString());
  const headers = request.headers as ConditionalHeaders & { range?: string };
  const precondition = evaluatePreconditions(headers, validators);
  if (precondition === 'not-modified') return void (await reply.status(304).send());
  if (precondition === 'precondition-failed') return void (await reply.status(412).send());
  const range = rangeAllowed(headers, validators) ? parseRange(headers.range, object.size) : { kind: 'whole' as const };
  if (range.kind === 'unsatisfiable') {
    return void (await reply.status(416).header('content-range', `bytes */${object.size}`).send());
  }
  const single = range.kind === 'ranges' && range.ranges.length === 1 ? range.ranges[0]! : undefined;
  const [start, end] = single ? [single.start, single.end] : [0, object.size - 1];
  // The body is opened before the status and length are set: a failure to open it is an error answer.
  const body = request.method === 'HEAD' || object.size === 0 ? undefined : await object.body(start, end);
  void reply.type(object.contentType).header('content-length', Math.max(0, end - start + 1));
  if (single) void reply.status(206).header('content-range', `bytes ${start}-${end}/${object.size}`);
  else void reply.status(200);
  await reply.send(body);
}
