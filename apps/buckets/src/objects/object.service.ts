import { Injectable } from '@nestjs/common';
import { DomainError, RpcParsedRequest, RpcResponse } from '@mp/contracts';
import { RpcHandler } from '@mp/platform';
import { noSuchBucket } from '../buckets/bucket-errors';
import { BucketRepository } from '../buckets/bucket.repository';
import { Clock } from '../clock/clock';
import { toObjectRecord } from '../containers/container.mapper';
import { ObjectRepository } from './object.repository';
import { OrphanBytes } from './orphan-bytes';

const noSuchObject = (container: string, object: string) =>
  new DomainError('ObjectNotFound', 'Object not found', { container, object });

/** `buckets.object.*`: the records of Swift objects; the gateway streams their bytes. */
@Injectable()
export class ObjectService {
  constructor(
    private readonly buckets: BucketRepository,
    private readonly objects: ObjectRepository,
    private readonly orphans: OrphanBytes,
    private readonly clock: Clock,
  ) {}

  @RpcHandler('buckets.object.head')
  async head(request: RpcParsedRequest<'buckets.object.head'>): Promise<RpcResponse<'buckets.object.head'>> {
    const bucketId = await this.bucketId(request.team_id, request.container);
    const row = await this.objects.find(bucketId, request.object, this.clock.now());
    if (!row) throw noSuchObject(request.container, request.object);
    return toObjectRecord(row);
  }

  /** Records uploaded bytes as the object's current version; the replaced version's bytes are deleted. */
  @RpcHandler('buckets.object.commit')
  async commit(request: RpcParsedRequest<'buckets.object.commit'>): Promise<RpcResponse<'buckets.object.commit'>> {
    const bucketId = await this.bucketId(request.team_id, request.container);
    if (bucketId !== request.container_id) throw noSuchBucket(request.container); // deleted and made again meanwhile
    const outcome = await this.objects.upsert(
      {
        bucket_id: bucketId,
        name: request.object,
        storage_key: request.storage_key,
        bytes: request.bytes,
        hash: request.hash,
        content_type: request.content_type,
        metadata: request.metadata,
        delete_at: request.delete_at === null ? null : new Date(request.delete_at),
        manifest: request.manifest,
        slo: request.slo,
        encryption: request.encryption,
      },
      request.if_none_match,
      this.clock.now(),
    );
    if (outcome === 'exists') {
      throw new DomainError('PreconditionFailed', 'The object exists (If-None-Match: *)', {
        object: request.object,
      });
    }
    await this.orphans.delete([outcome.replaced]);
    return { replaced_storage_key: outcome.replaced };
  }

  @RpcHandler('buckets.object.update')
  async update(request: RpcParsedRequest<'buckets.object.update'>): Promise<RpcResponse<'buckets.object.update'>> {
    const bucketId = await this.bucketId(request.team_id, request.container);
    const row = await this.objects.updateMetadata(
      bucketId,
      request.object,
      {
        metadata: request.metadata,
        content_type: request.content_type,
        delete_at:
          request.delete_at === undefined ? undefined : request.delete_at === null ? null : new Date(request.delete_at),
      },
      this.clock.now(),
    );
    if (!row) throw noSuchObject(request.container, request.object);
    return toObjectRecord(row);
  }

  @RpcHandler('buckets.object.delete')
  async delete(request: RpcParsedRequest<'buckets.object.delete'>): Promise<RpcResponse<'buckets.object.delete'>> {
    const bucketId = await this.bucketId(request.team_id, request.container);
    const outcome = await this.objects.delete(bucketId, request.object, this.clock.now());
    if (outcome === 'absent') throw noSuchObject(request.container, request.object);
    await this.orphans.delete([outcome.storage_key]);
    return { replaced_storage_key: outcome.storage_key };
  }

  private async bucketId(teamId: string, container: string): Promise<string> {
    const id = await this.buckets.findId(teamId, container);
    if (!id) throw noSuchBucket(container);
    return id;
  }
}
