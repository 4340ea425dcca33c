import { Inject, Injectable } from '@nestjs/common';
import { DomainError, Principal } from '@mp/contracts';
import { LOGGER, RpcClient } from '@mp/platform';
import { ObjectStorage } from '@mp/storage';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Logger } from 'pino';
import { storedContentType } from '../http/content-type';
import { sendStoredObject } from '../http/object-responder';
import { StorageFailures } from '../http/storage-failures';
import { BucketRoles } from './bucket-roles.service';
import { LargeObjects } from './large-object';
import { sendLargeObject, sendSloManifest } from './large-object.responder';
import { deleteAtOf } from './swift-delete-at';
import { MasterKeys } from './encryption/master-keys';
import { readPlain } from './object-bytes';
import { sendVirtualObject } from './virtual-object.responder';
import { BulkDeleteAnswer, formatBulkDeleteResult } from './bulk-delete-result.format';
import { storedNames } from './slo-manifest';
import { objectHeaders, quoteBareEtags } from './swift-headers';
import { metadataOf } from './swift-metadata';
import { clientContentType } from './swift-request-body';

/** GET/HEAD, POST and DELETE of a Swift object; its record is the buckets app's, its bytes the store's. */
@Injectable()
export class SwiftObjectService {
  constructor(
    private readonly rpc: RpcClient,
    private readonly storage: ObjectStorage,
    private readonly keys: MasterKeys,
    private readonly large: LargeObjects,
    private readonly roles: BucketRoles,
    private readonly failures: StorageFailures,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  /** Conditional requests and byte ranges (single → 206, several → multipart/byteranges, 416). */
  async send(principal: Principal, container: string, object: string, request: FastifyRequest, reply: FastifyReply) {
    const record = await this.rpc.request('buckets.object.head', { team_id: principal.team_id, container, object });
    void reply.headers(objectHeaders(record));
    quoteBareEtags(request.headers);
    const manifestGet = (request.query as Record<string, unknown>)['multipart-manifest'] === 'get';
    try {
      // `?multipart-manifest=get` of a DLO is its manifest object itself (an empty body).
      const view =
        record.manifest !== null && manifestGet ? undefined : await this.large.view(principal, record, request.ip);
      if (view && manifestGet) return await sendSloManifest(view, record, request, reply);
      if (view) return await sendLargeObject(this.large, principal, record, view, request, reply);
      if (record.encryption !== null) {
        return await sendVirtualObject(request, reply, {
          size: record.bytes,
          etag: `"${record.hash}"`,
          etagHeader: record.hash,
          lastModified: new Date(record.last_modified),
          contentType: record.content_type,
          body: (start, end) => readPlain(this.storage, this.keys, record, start, end),
        });
      }
      await sendStoredObject(this.storage, request, reply, {
        key: record.storage_key,
        contentType: record.content_type,
        etag: `"${record.hash}"`,
        etagHeader: record.hash,
      });
    } catch (err) {
      if (err instanceof DomainError && err.code === 'ObjectNotFound') {
        this.logger.error({ key: record.storage_key }, 'A recorded Swift object has no bytes in the store');
        throw new DomainError('ObjectNotFound', 'Object not found', { container, object });
      }
      throw this.failures.of(err, 'swift-get');
    }
  }

  /** Swift's POST: the metadata is replaced by the one sent; the type and expiry change when sent. */
  async post(principal: Principal, container: string, object: string, request: FastifyRequest): Promise<void> {
    const headers = request.headers;
    const type = clientContentType(request);
    const deleteAt = headers['x-remove-delete-at'] !== undefined ? null : (deleteAtOf(headers) as string | undefined);
    await this.rpc.request('buckets.object.update', {
      team_id: principal.team_id,
      container,
      object,
      metadata: metadataOf(headers, 'object'),
      ...(type ? { content_type: storedContentType(type, object) } : {}),
      ...(deleteAt !== undefined ? { delete_at: deleteAt } : {}),
    });
  }

  async delete(principal: Principal, container: string, object: string): Promise<void> {
    await this.rpc.request('buckets.object.delete', { team_id: principal.team_id, container, object });
  }

  /**
   * `DELETE ?multipart-manifest=delete`: an SLO's segments, then its manifest (any other object is
   * deleted alone), answered with Swift's bulk-delete document.
   */
  async deleteWithSegments(
    principal: Principal,
    container: string,
    object: string,
    reply: FastifyReply,
    accept?: string,
  ) {
    const answer: BulkDeleteAnswer = { deleted: 0, not_found: 0, errors: [], invalid: [] };
    const remove = async (c: string, o: string) => {
      try {
        await this.delete(principal, c, o);
        answer.deleted += 1;
      } catch (err) {
        if (!(err instanceof DomainError) || !['ObjectNotFound', 'NotFound'].includes(err.code)) throw err;
        answer.not_found += 1;
      }
    };
    const record = await this.rpc
      .request('buckets.object.head', { team_id: principal.team_id, container, object })
      .catch((err: unknown) => {
        if (err instanceof DomainError && err.code === 'ObjectNotFound') return undefined;
        throw err;
      });
    if (record?.slo) {
      const segments = (await this.large.readManifest(record)).map(storedNames);
      // Segments in buckets the caller may not write to stay, reported as Swift's bulk delete does.
      const writable = new Map<string, boolean>();
      for (const c of new Set(segments.map((s) => s.container))) {
        writable.set(c, await this.roles.allows(principal, c, 'write'));
      }
      for (const s of segments.filter((s) => !writable.get(s.container))) {
        answer.errors.push([`/${s.container}/${s.object}`, '403 Forbidden']);
      }
      const allowed = segments.filter((s) => writable.get(s.container));
      for (let i = 0; i < allowed.length; i += 10) {
        await Promise.all(allowed.slice(i, i + 10).map((s) => remove(s.container, s.object)));
      }
    }
    await remove(container, object);
    const formatted = formatBulkDeleteResult(answer, accept);
    await reply.status(200).type(formatted.contentType).send(formatted.body);
  }
}
