import { Inject, Injectable } from '@nestjs/common';
import { DomainError, ObjectEncryption, ObjectRecord, Principal } from '@mp/contracts';
import { APP_CONFIG, LOGGER, RpcClient } from '@mp/platform';
import { ObjectStorage } from '@mp/storage';
import type { FastifyRequest } from 'fastify';
import { randomUUID } from 'node:crypto';
import { pipeline } from 'node:stream/promises';
import type { Logger } from 'pino';
import { GatewayConfig } from '../app.config';
import { BestEffortCleanup } from '../http/best-effort-cleanup';
import { byteLimit } from '../http/byte-limit.stream';
import { storedContentType } from '../http/content-type';
import { declaredLength, discardRestOfBody } from '../http/request-body';
import { asStorageFailure } from '../http/storage-failure';
import { EncryptStream, newNonceBase, storedSize } from './encryption/chunked-cipher';
import { MasterKeys } from './encryption/master-keys';
import { Md5Stream } from './md5.stream';
import { parseManifest } from './dlo-manifest';
import { copySource } from './swift-path';
import { deleteAtOf } from './swift-delete-at';
import { notServed } from './swift-errors';
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
    private readonly keys: MasterKeys,
    @Inject(APP_CONFIG) config: GatewayConfig,
    @Inject(LOGGER) private readonly logger: Logger,
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
    const query = request.query as Record<string, unknown>;
    if (query['multipart-manifest'] !== undefined) throw notServed('Static large objects (multipart-manifest)');
    const manifestHeader = headers['x-object-manifest'];
    const manifest = typeof manifestHeader === 'string' ? (parseManifest(manifestHeader), manifestHeader.trim()) : null;
    const metadata = metadataOf(headers, 'object');
    const deleteAt = deleteAtOf(headers) ?? null;
    const copyFrom = headers['x-copy-from'];
    const team = { team_id: principal.team_id };
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
    let stored: {
      bytes: number;
      hash: string;
      contentType: string;
      copiedFrom?: string;
      encryption: ObjectEncryption | null;
    };
    if (typeof copyFrom === 'string') {
      const source = copySource(copyFrom);
      const record = await this.rpc.request('buckets.object.head', { ...team, ...source });
      if (record.manifest !== null) throw notServed('Copying a dynamic large object');
      await this.copyBytes(record, key);
      const fresh = String(headers['x-fresh-metadata'] ?? '').toLowerCase() === 'true';
      Object.assign(metadata, fresh ? {} : { ...record.metadata, ...metadata });
      stored = {
        bytes: record.bytes,
        hash: record.hash,
        contentType: declaredType ? storedContentType(declaredType, object) : record.content_type,
        copiedFrom: `${source.container}/${source.object}`,
        // The copy holds the same ciphertext: it keeps the source's wrapped data key.
        encryption: record.encryption,
      };
    } else {
      const contentType = detectType(headers)
        ? storedContentType(undefined, object)
        : storedContentType(declaredType, object);
      stored = { ...(await this.streamBody(request, key, contentType, target.use_encryption)), contentType };
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
        manifest,
        encryption: stored.encryption,
        if_none_match: ifNoneMatch === '*',
      });
    } catch (err) {
      await this.cleanup.deleteObjects('swift-put-uncommitted', [key]);
      throw err;
    }
    return { etag: stored.hash, lastModified: new Date(), copiedFrom: stored.copiedFrom };
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

  private async copyBytes(record: ObjectRecord, key: string): Promise<void> {
    try {
      await this.storage.copy({ from: record.storage_key, to: key });
    } catch (err) {
      throw asStorageFailure(err, this.logger, 'swift-copy');
    }
  }

  /** Streams the body to `key`; checks its length and the client's ETag. */
  private async streamBody(request: FastifyRequest, key: string, contentType: string, encrypt: boolean) {
    const raw = request.raw;
    const length = declaredLength(raw);
    const chunked = /chunked/i.test(String(raw.headers['transfer-encoding'] ?? ''));
    if (length === undefined && !chunked) {
      throw new DomainError('LengthRequired', 'Send Content-Length or Transfer-Encoding: chunked', {});
    }
    if (length !== undefined && length > this.maxBytes) {
      throw new DomainError('PayloadTooLarge', `An object is at most ${this.maxBytes} bytes`, { max: this.maxBytes });
    }
    const md5 = new Md5Stream();
    const limit = byteLimit(
      this.maxBytes,
      () => new DomainError('PayloadTooLarge', `An object is at most ${this.maxBytes} bytes`, { max: this.maxBytes }),
    );
    const sealing = encrypt ? this.sealing() : undefined;
    try {
      const flowing = sealing ? pipeline(raw, limit, md5, sealing.stream) : pipeline(raw, limit, md5);
      const put = this.storage.put({
        key,
        body: sealing ? sealing.stream : md5,
        contentType,
        contentLength: length === undefined ? undefined : sealing ? storedSize(length) : length,
      });
      await Promise.all([flowing, put]);
    } catch (err) {
      await this.cleanup.deleteObjects('swift-put-failed', [key]);
      throw asStorageFailure(err, this.logger, 'swift-put');
    }
    const hash = md5.hex();
    const expected = String(request.headers.etag ?? '')
      .trim()
      .replace(/"/g, '')
      .toLowerCase();
    if (expected !== '' && expected !== hash) {
      await this.cleanup.deleteObjects('swift-put-etag-mismatch', [key]);
      throw new DomainError('ChecksumMismatch', 'The body does not match the ETag sent', { etag: expected, md5: hash });
    }
    return { bytes: md5.bytes, hash, encryption: sealing?.encryption ?? null };
  }

  /** A fresh data key wrapped by the active master key, and the stream that encrypts with it. */
  private sealing(): { stream: EncryptStream; encryption: ObjectEncryption } {
    const { key, wrapped } = this.keys.newDataKey();
    const base = newNonceBase();
    return { stream: new EncryptStream(key, base), encryption: { ...wrapped, nonce_base: base.toString('base64') } };
  }
}

const detectType = (headers: FastifyRequest['headers']) =>
  String(headers['x-detect-content-type'] ?? '').toLowerCase() === 'true';
