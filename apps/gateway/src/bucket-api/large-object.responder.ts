import { ObjectRecord, Principal } from '@mp/contracts';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { LargeObjects, LargeObjectView } from './large-object';
import { rawManifest } from './slo-manifest';
import { sendVirtualObject } from './virtual-object.responder';

/**
 * GET/HEAD of a dynamic or static large object: the segments served as one body, with Swift's
 * ETag (the quoted MD5 of the segments' ETags, which clients do not compare with the body),
 * `X-Object-Manifest` or `X-Static-Large-Object: True`, one byte range (across segments) and
 * conditional requests on that ETag. `?multipart-manifest=get` answers an SLO's manifest instead
 * (Swift's stored JSON, or the PUT format with `&format=raw`).
 */
export async function sendLargeObject(
  objects: LargeObjects,
  principal: Principal,
  record: ObjectRecord,
  view: LargeObjectView,
  request: FastifyRequest,
  reply: FastifyReply,
): Promise<void> {
  if (view.kind === 'dlo') void reply.header('x-object-manifest', record.manifest!);
  else void reply.header('x-static-large-object', 'True');
  await sendVirtualObject(request, reply, {
    size: view.size,
    etag: `"${view.etag}"`,
    lastModified: new Date(record.last_modified),
    contentType: record.content_type,
    body: (start, end) => objects.open(principal, view.pieces, start, end),
  });
}

/** `GET|HEAD ?multipart-manifest=get` of an SLO: the manifest document itself. */
export async function sendSloManifest(
  view: LargeObjectView,
  record: ObjectRecord,
  request: FastifyRequest,
  reply: FastifyReply,
) {
  const query = request.query as Record<string, unknown>;
  const doc = query.format === 'raw' ? rawManifest(view.manifest!) : view.manifest!;
  const body = JSON.stringify(doc);
  void reply
    .status(200)
    .header('x-static-large-object', 'True')
    .header('etag', record.hash)
    .header('last-modified', new Date(record.last_modified).toUTCString())
    .type('application/json; charset=utf-8')
    .header('content-length', Buffer.byteLength(body));
  await reply.send(request.method === 'HEAD' ? undefined : body);
}
