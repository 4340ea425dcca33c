import { Inject, Injectable } from '@nestjs/common';
import { DomainError, ObjectEncryption, ObjectRecord, Principal } from '@mp/contracts';
import { APP_CONFIG, RpcClient } from '@mp/platform';
import { ObjectStorage } from '@mp/storage';
import type { FastifyRequest } from 'fastify';
import { randomUUID } from 'node:crypto';
import { GatewayConfig } from '../app.config';
import { BestEffortCleanup } from '../http/best-effort-cleanup';
import { byteLimit } from '../http/byte-limit.stream';
import { storedContentType } from '../http/content-type';
import { declaredLength, discardRestOfBody } from '../http/request-body';
import { StorageFailures } from '../http/storage-failures';
import { parseManifest } from './dlo-manifest';
import { LargeObjects } from './large-object';
import { ObjectWriter } from './object-writer';
import { SloUploadService } from './slo-upload.service';
import { BucketRoles } from './bucket-roles.service';
import { TEMP_URL_KEY_ID } from './temp-url-reader';
import { copySource } from './swift-path';
import { deleteAtOf } from './swift-delete-at';
import { metadataOf } from './swift-metadata';
import { clientContentType } from './swift-request-body';

export interface StoredSwiftObject {
  etag: string;
  lastModified: Date;
  copiedFrom?: string;
}

/**
 * `PUT /v1/{account}/{container}/{object}`: the body streams through an MD5 into a fresh key of
 * the team's container (`swift/{team}/{container id}/{uuid}`), then the buckets app records it
 * as the object's version. Nothing is recorded for a refused body, and its bytes are deleted.
 */
@Injectable()
export class SwiftUploadService {
  private readonly maxBytes: number;

  constructor(
    private readonly rpc: RpcClient,
    private readonly storage: ObjectStorage,
    private readonly cleanup: BestEffortCleanup,
    private readonly writer: ObjectWriter,
    private readonly large: LargeObjects,
    private readonly slo: SloUploadService,
    private readonly roles: BucketRoles,
    @Inject(APP_CONFIG) config: GatewayConfig,
    private readonly failures: StorageFailures,
  ) {
    this.maxBytes = config.SWIFT_MAX_OBJECT_BYTES;
  }

  async put(
    principal: Principal,
    container: string,
    object: string,
    request: FastifyRequest,
  ): Promise<StoredSwiftObject> {
    try {
      return await this.store(principal, container, object, request);
    } finally {
      // A body left unread (refused before streaming) is drained so the client reads the answer.
      if (!request.raw.readableEnded) await discardRestOfBody(request.raw);
    }
  }

  private async store(principal: Principal, container: string, object: string, request: FastifyRequest) {
    const headers = request.headers;
    const multipart = multipartManifestOf(request);
    const manifestHeader = headers['x-object-manifest'];
    const manifest = typeof manifestHeader === 'string' ? (parseManifest(manifestHeader), manifestHeader.trim()) : null;
    const metadata = metadataOf(headers, 'object');
    const deleteAt = deleteAtOf(headers) ?? null;
    const copyFrom = headers['x-copy-from'];
    const team = { team_id: principal.team_id };
    if (principal.key_id === TEMP_URL_KEY_ID && (copyFrom !== undefined || manifest !== null || multipart)) {
      // A signature for one object must not read others through a copy or a large object.
      throw new DomainError('ValidationFailed', 'Copies and large object manifests are not allowed with temp URLs', {});
    }
    if (manifest !== null) await this.roles.assert(principal, parseManifest(manifest).container, 'read');
    const target = await this.rpc.request('buckets.container.ref', { ...team, container });
    const ifNoneMatch = String(headers['if-none-match'] ?? '').trim();
    if (ifNoneMatch !== '' && ifNoneMatch !== '*') {
      throw new DomainError('ValidationFailed', 'If-None-Match on a PUT may only be "*"', {});
    }
    if (ifNoneMatch === '*' && (await this.exists(principal, container, object))) {
      throw new DomainError('PreconditionFailed', 'The object exists (If-None-Match: *)', { object });
    }
    const key = `swift/${principal.team_id}/${target.id}/${randomUUID()}`;
    const declaredType = clientContentType(request);
    const typeOf = () =>
      detectType(headers) ? storedContentType(undefined, object) : storedContentType(declaredType, object);
    let stored: Stored;
    if (typeof copyFrom === 'string') {
      const source = copySource(copyFrom);
      await this.roles.assert(principal, source.container, 'read');
      const record = await this.rpc.request('buckets.object.head', { ...team, ...source });
      stored = await this.copy(principal, record, key, target.use_encryption, multipart === 'get', request.ip);
      const fresh = String(headers['x-fresh-metadata'] ?? '').toLowerCase() === 'true';
      Object.assign(metadata, fresh ? {} : { ...record.metadata, ...metadata });
      if (declaredType) stored.contentType = storedContentType(declaredType, object);
      stored.copiedFrom = `${source.container}/${source.object}`;
    } else if (multipart === 'put') {
      const slo = await this.slo.store(principal, { container, object, key, encrypt: target.use_encryption }, request);
      stored = { ...slo, contentType: typeOf(), manifest: null, slo: true, etag: `"${slo.sloEtag}"` };
    } else {
      stored = { ...(await this.streamBody(request, key, typeOf(), target.use_encryption)), contentType: typeOf() };
      stored.manifest = manifest;
    }
    try {
      await this.rpc.request('buckets.object.commit', {
        ...team,
        container,
        object,
        container_id: target.id,
        storage_key: key,
        bytes: stored.bytes,
        hash: stored.hash,
        content_type: stored.contentType,
        metadata,
        delete_at: deleteAt,
        manifest: stored.manifest ?? null,
        slo: stored.slo ?? false,
        encryption: stored.encryption,
        if_none_match: ifNoneMatch === '*',
      });
    } catch (err) {
      await this.cleanup.deleteObjects('swift-put-uncommitted', [key]);
      throw err;
    }
    return { etag: stored.etag ?? stored.hash, lastModified: new Date(), copiedFrom: stored.copiedFrom };
  }

  private async exists(principal: Principal, container: string, object: string): Promise<boolean> {
    try {
      await this.rpc.request('buckets.object.head', { team_id: principal.team_id, container, object });
      return true;
    } catch (err) {
      if (err instanceof DomainError && err.code === 'ObjectNotFound') return false;
      throw err;
    }
  }

  /**
   * A copy of a plain object shares its bytes (and wrapped data key); a large object's copy is its
   * concatenated content as a new plain object, as Swift copies it — unless `?multipart-manifest=get`,
   * which copies the manifest itself.
   */
  private async copy(
    principal: Principal,
    record: ObjectRecord,
    key: string,
    encrypt: boolean,
    manifestItself: boolean,
    clientIp: string,
  ): Promise<Stored> {
    const view = manifestItself ? undefined : await this.large.view(principal, record, clientIp);
    const base = { bytes: record.bytes, hash: record.hash, contentType: record.content_type };
    if (!view) {
      await this.failures.attempt('swift-copy', () => this.storage.copy({ from: record.storage_key, to: key }));
      return { ...base, encryption: record.encryption, manifest: record.manifest, slo: record.slo };
    }
    if (view.size > this.maxBytes) {
      throw new DomainError('PayloadTooLarge', `An object is at most ${this.maxBytes} bytes`, { max: this.maxBytes });
    }
    const body = await this.large.open(principal, view.pieces, 0, view.size - 1);
    const written = await this.writer.write(body, {
      key,
      contentType: record.content_type,
      length: view.size,
      encrypt,
    });
    return { ...written, contentType: record.content_type };
  }

  /** Streams the body to `key`; checks its length and the client's ETag. */
  private async streamBody(request: FastifyRequest, key: string, contentType: string, encrypt: boolean) {
    const raw = request.raw;
    const length = declaredLength(raw);
    const chunked = /chunked/i.test(String(raw.headers['transfer-encoding'] ?? ''));
    if (length === undefined && !chunked) {
      throw new DomainError('LengthRequired', 'Send Content-Length or Transfer-Encoding: chunked', {});
    }
    const tooLarge = () =>
      new DomainError('PayloadTooLarge', `An object is at most ${this.maxBytes} bytes`, { max: this.maxBytes });
    if (length !== undefined && length > this.maxBytes) throw tooLarge();
    const written = await this.writer.write(raw, {
      key,
      contentType,
      length,
      encrypt,
      through: [byteLimit(this.maxBytes, tooLarge)],
    });
    const expected = String(request.headers.etag ?? '')
      .trim()
      .replace(/"/g, '')
      .toLowerCase();
    if (expected !== '' && expected !== written.hash) {
      await this.cleanup.deleteObjects('swift-put-etag-mismatch', [key]);
      throw new DomainError('ChecksumMismatch', 'The body does not match the ETag sent', {
        etag: expected,
        md5: written.hash,
      });
    }
    return written;
  }
}

interface Stored {
  bytes: number;
  hash: string;
  contentType: string;
  encryption: ObjectEncryption | null;
  manifest?: string | null;
  slo?: boolean;
  /** The ETag answered when it is not `hash` (an SLO's). */
  etag?: string;
  copiedFrom?: string;
}

/** `?multipart-manifest=` of a PUT: `put` makes an SLO, `get` copies a manifest itself (with X-Copy-From). */
function multipartManifestOf(request: FastifyRequest): 'put' | 'get' | undefined {
  const value = (request.query as Record<string, unknown>)['multipart-manifest'];
  if (value === undefined) return undefined;
  if (value === 'put' || value === 'get') return value;
  throw new DomainError('ValidationFailed', 'multipart-manifest on a PUT must be put (or get with X-Copy-From)', {});
}

const detectType = (headers: FastifyRequest['headers']) =>
  String(headers['x-detect-content-type'] ?? '').toLowerCase() === 'true';
