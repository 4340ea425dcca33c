import { Injectable } from '@nestjs/common';
import { DomainError, Principal, S3DeleteResult, S3FileList, StorageUsage } from '@mp/contracts';
import { RpcClient } from '@mp/platform';
import { ObjectStorage } from '@mp/storage';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { S3ListQuery } from './s3-list-query';
import { KeySpace, validateObjectKey } from './s3-object-key';
import { sendStoredObject } from '../http/object-responder';
import { StorageFailures } from '../http/storage-failures';

const fileNotFound = (key: string) => new DomainError('FileNotFound', 'File not found', { key });

/** `GET /s3/files`, `GET|DELETE /s3/files/{key}`, `GET /s3/usage`: always inside the caller's keyspace. */
@Injectable()
export class S3FilesService {
  constructor(
    private readonly rpc: RpcClient,
    private readonly storage: ObjectStorage,
    private readonly failures: StorageFailures,
  ) {}

  async list(principal: Principal, query: S3ListQuery): Promise<S3FileList> {
    const space = new KeySpace(principal);
    const page = await this.failures.attempt('list', () =>
      this.storage.list({ prefix: space.root + query.prefix, cursor: query.cursor, limit: query.limit }),
    );
    return {
      files: page.objects.map((o) => ({
        key: space.userKey(o.key),
        size: o.size,
        last_modified: o.lastModified.toISOString(),
        etag: o.etag,
      })),
      prefix: query.prefix,
      next_cursor: page.nextCursor ?? null,
      has_more: page.nextCursor !== undefined,
    };
  }

  /** GET/HEAD of the object: conditional requests and byte ranges included. */
  async download(principal: Principal, key: string, request: FastifyRequest, reply: FastifyReply): Promise<void> {
    const objectKey = new KeySpace(principal).objectKey(validateObjectKey(key));
    try {
      await sendStoredObject(this.storage, request, reply, { key: objectKey });
    } catch (err) {
      if (err instanceof DomainError && err.code === 'ObjectNotFound') throw fileNotFound(key);
      throw this.failures.of(err, 'download');
    }
  }

  /** Deletes the object, then gives its recorded size back to the quota. */
  async delete(principal: Principal, key: string): Promise<S3DeleteResult> {
    const space = new KeySpace(principal);
    const userKey = validateObjectKey(key);
    const objectKey = space.objectKey(userKey);
    let exists: boolean;
    try {
      exists = (await this.storage.head(objectKey)) !== null;
      if (exists) await this.storage.delete(objectKey);
    } catch (err) {
      throw this.failures.of(err, 'delete');
    }
    // Also when the object is gone: a record left by an interrupted delete is settled here.
    const freed = await this.rpc.request('billing.storage.free', {
      team_id: principal.team_id,
      key_id: principal.key_id,
      object_key: userKey,
    });
    if (!exists) throw fileNotFound(userKey);
    return { success: true, key: userKey, freed_bytes: freed.freed_bytes ?? 0 };
  }

  usage(principal: Principal): Promise<StorageUsage> {
    return this.rpc.request('billing.storage.usage', { team_id: principal.team_id, key_id: principal.key_id });
  }
}
