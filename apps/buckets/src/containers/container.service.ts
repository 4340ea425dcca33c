import { Injectable } from '@nestjs/common';
import { RpcParsedRequest, RpcResponse } from '@mp/contracts';
import { RpcHandler } from '@mp/platform';
import { noSuchBucket } from '../buckets/bucket-errors';
import { BucketRepository } from '../buckets/bucket.repository';
import { BucketService } from '../buckets/bucket.service';
import { Clock } from '../clock/clock';
import { listContainer } from '../objects/container-listing';
import { ObjectRepository } from '../objects/object.repository';
import { toContainerInfo } from './container.mapper';

/** Bytes of entries one listing reply holds at most, well under NATS's 1 MB payload. */
const LISTING_REPLY_BUDGET = 700 * 1024;

/** `buckets.account.list` and `buckets.container.*`: Swift's account and container requests. */
@Injectable()
export class ContainerService {
  constructor(
    private readonly buckets: BucketRepository,
    private readonly objects: ObjectRepository,
    private readonly bucketService: BucketService,
    private readonly clock: Clock,
  ) {}

  @RpcHandler('buckets.account.list')
  async account(request: RpcParsedRequest<'buckets.account.list'>): Promise<RpcResponse<'buckets.account.list'>> {
    const now = this.clock.now();
    const { prefix, marker, end_marker, limit, reverse, viewer_id } = request;
    const [totals, rows] = await Promise.all([
      this.buckets.accountTotals(request.team_id, now),
      this.buckets.listByName(request.team_id, { prefix, marker, end_marker, viewer: viewer_id }, limit, reverse, now),
    ]);
    return {
      container_count: totals.containers,
      object_count: totals.objects,
      bytes: totals.bytes,
      containers: rows.map((r) => ({
        name: r.name,
        count: r.object_count,
        bytes: r.bytes,
        last_modified: r.last_modified.toISOString(),
      })),
    };
  }

  /** Swift's PUT: creates the container, or merges the metadata into the existing one. */
  @RpcHandler('buckets.container.create')
  async create(
    request: RpcParsedRequest<'buckets.container.create'>,
  ): Promise<RpcResponse<'buckets.container.create'>> {
    const outcome = await this.buckets.insert({
      team_id: request.team_id,
      name: request.container,
      type: 'hot',
      use_encryption: false,
      owner_id: request.owner_id,
      metadata: request.metadata,
    });
    if (outcome === 'exists' && Object.keys(request.metadata).length > 0) {
      await this.buckets.updateMetadata(request.team_id, request.container, request.metadata, []);
    }
    return { created: outcome === 'created' };
  }

  @RpcHandler('buckets.container.access')
  async access(
    request: RpcParsedRequest<'buckets.container.access'>,
  ): Promise<RpcResponse<'buckets.container.access'>> {
    const row = await this.buckets.findAccess(request.team_id, request.container);
    if (!row) throw noSuchBucket(request.container);
    const meta = (name: string) => row.metadata[`access-control-${name}`] ?? null;
    return {
      public: row.acl?.public ?? null,
      public_read_allow_ip_list: row.acl?.public_read_allow_ip_list ?? [],
      cors: row.cors,
      swift_cors: {
        allow_origin: meta('allow-origin'),
        expose_headers: meta('expose-headers'),
        max_age: meta('max-age'),
      },
      temp_url_keys: [row.metadata['temp-url-key'], row.metadata['temp-url-key-2']].filter((k): k is string => !!k),
      owner_id: row.owner_id,
      permissions: (row.acl?.permissions ?? []).map((p) => ({ user_id: p.user.id, permission: p.permission })),
    };
  }

  @RpcHandler('buckets.container.ref')
  async ref(request: RpcParsedRequest<'buckets.container.ref'>): Promise<RpcResponse<'buckets.container.ref'>> {
    const ref = await this.buckets.findRef(request.team_id, request.container);
    if (!ref) throw noSuchBucket(request.container);
    return ref;
  }

  @RpcHandler('buckets.container.head')
  async head(request: RpcParsedRequest<'buckets.container.head'>): Promise<RpcResponse<'buckets.container.head'>> {
    const row = await this.buckets.find(request.team_id, request.container, this.clock.now());
    if (!row) throw noSuchBucket(request.container);
    return toContainerInfo(row);
  }

  @RpcHandler('buckets.container.list')
  async list(request: RpcParsedRequest<'buckets.container.list'>): Promise<RpcResponse<'buckets.container.list'>> {
    const now = this.clock.now();
    const row = await this.buckets.find(request.team_id, request.container, now);
    if (!row) throw noSuchBucket(request.container);
    const listed = await listContainer((range) => this.objects.range(row.id, range, now), {
      ...request,
      budgetBytes: LISTING_REPLY_BUDGET,
    });
    return { container: toContainerInfo(row), ...listed };
  }

  @RpcHandler('buckets.container.update')
  async update(
    request: RpcParsedRequest<'buckets.container.update'>,
  ): Promise<RpcResponse<'buckets.container.update'>> {
    if (!(await this.buckets.updateMetadata(request.team_id, request.container, request.set, request.remove))) {
      throw noSuchBucket(request.container);
    }
    return this.head({ team_id: request.team_id, container: request.container });
  }

  @RpcHandler('buckets.container.delete')
  async delete(
    request: RpcParsedRequest<'buckets.container.delete'>,
  ): Promise<RpcResponse<'buckets.container.delete'>> {
    await this.bucketService.deleteEmpty(request.team_id, request.container);
    return { deleted: true };
  }
}
