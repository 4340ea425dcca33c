import { DomainError, ObjectRecord, Principal } from '@mp/contracts';
import { RpcClient } from '@mp/platform';
import { ObjectStorage } from '@mp/storage';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import { parseManifest } from './dlo-manifest';
import { MasterKeys } from './encryption/master-keys';
import { readPlain } from './object-bytes';
import { sendVirtualObject } from './virtual-object.responder';

/** Swift's own cap on the segments of one dynamic large object listing. */
const MAX_SEGMENTS = 10_000;

interface Segment {
  name: string;
  bytes: number;
  hash: string;
}

/**
 * GET/HEAD of a dynamic large object: the segments are the objects of the manifest's container
 * whose names start with its prefix, in name order, served as one body (streamed segment by
 * segment). ETag is the quoted MD5 of the segments' ETags, as Swift answers; one byte range is
 * honoured (several are served whole), and conditional requests are evaluated on that ETag.
 */
export async function sendDynamicLargeObject(
  rpc: RpcClient,
  storage: ObjectStorage,
  keys: MasterKeys,
  principal: Principal,
  record: ObjectRecord,
  request: FastifyRequest,
  reply: FastifyReply,
): Promise<void> {
  const manifest = parseManifest(record.manifest!);
  const segments = await listSegments(rpc, principal, manifest.container, manifest.prefix);
  void reply.header('x-object-manifest', record.manifest!);
  await sendVirtualObject(request, reply, {
    size: segments.reduce((sum, s) => sum + s.bytes, 0),
    etag: `"${createHash('md5')
      .update(segments.map((s) => s.hash).join(''))
      .digest('hex')}"`,
    lastModified: new Date(record.last_modified),
    contentType: record.content_type,
    body: async (start, end) =>
      Readable.from(
        segmentBytes({ rpc, storage, keys, principal, container: manifest.container }, segments, start, end),
      ),
  });
}

async function listSegments(
  rpc: RpcClient,
  principal: Principal,
  container: string,
  prefix: string,
): Promise<Segment[]> {
  const segments: Segment[] = [];
  let marker: string | undefined;
  for (;;) {
    const page = await rpc.request('buckets.container.list', {
      team_id: principal.team_id,
      container,
      prefix: prefix || undefined,
      marker,
      limit: 1000,
      reverse: false,
    });
    for (const item of page.items) if ('name' in item) segments.push(item);
    if (page.items.length < 1000) return segments;
    if (segments.length >= MAX_SEGMENTS) {
      throw new DomainError('ValidationFailed', `A dynamic large object has at most ${MAX_SEGMENTS} segments`, {});
    }
    marker = segments.at(-1)!.name;
  }
}

/** The bytes `start`–`end` (inclusive) of the segments laid end to end. */
async function* segmentBytes(
  source: { rpc: RpcClient; storage: ObjectStorage; keys: MasterKeys; principal: Principal; container: string },
  segments: Segment[],
  start: number,
  end: number,
): AsyncGenerator<Buffer> {
  const { rpc, storage, keys, principal, container } = source;
  let offset = 0;
  for (const segment of segments) {
    const first = offset;
    const last = offset + segment.bytes - 1;
    offset += segment.bytes;
    if (segment.bytes === 0 || last < start || first > end) continue;
    const record = await rpc.request('buckets.object.head', {
      team_id: principal.team_id,
      container,
      object: segment.name,
    });
    const from = Math.max(start, first) - first;
    const to = Math.min(end, last) - first;
    // Segments of an encrypted bucket are decrypted like any of its objects.
    for await (const chunk of await readPlain(storage, keys, record, from, to)) yield chunk as Buffer;
  }
}
