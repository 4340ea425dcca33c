import { Injectable } from '@nestjs/common';
import { BucketAcl, BucketPermission, RpcParsedRequest, RpcResponse } from '@mp/contracts';
import { RpcHandler } from '@mp/platform';
import { Clock } from '../clock/clock';
import { OrphanBytes } from '../objects/orphan-bytes';
import { bucketExists, bucketNotEmpty, noSuchBucket } from './bucket-errors';
import { NO_ACL, toBucket, toSimpleBucket } from './bucket.mapper';
import { BucketRepository } from './bucket.repository';

/** `buckets.bucket.*`: the seed's bucket API over the team's buckets. */
@Injectable()
export class BucketService {
  constructor(
    private readonly buckets: BucketRepository,
    private readonly orphans: OrphanBytes,
    private readonly clock: Clock,
  ) {}

  @RpcHandler('buckets.bucket.create')
  async create(request: RpcParsedRequest<'buckets.bucket.create'>): Promise<RpcResponse<'buckets.bucket.create'>> {
    const { name, type, use_encryption } = request.bucket;
    const outcome = await this.buckets.insert({
      team_id: request.team_id,
      name,
      type,
      use_encryption,
      owner_id: request.owner_id,
      metadata: {},
    });
    if (outcome === 'exists') throw bucketExists(name);
    return { name, type, use_encryption, use_encrytion: use_encryption };
  }

  @RpcHandler('buckets.bucket.get')
  async get(request: RpcParsedRequest<'buckets.bucket.get'>): Promise<RpcResponse<'buckets.bucket.get'>> {
    const row = await this.buckets.find(request.team_id, request.name, this.clock.now());
    if (!row) throw noSuchBucket(request.name);
    return toBucket(row);
  }

  @RpcHandler('buckets.bucket.list')
  async list(request: RpcParsedRequest<'buckets.bucket.list'>): Promise<RpcResponse<'buckets.bucket.list'>> {
    const { offset, limit, prefix, include, type, by, direct } = request.query;
    const page = await this.buckets.page(
      request.team_id,
      { prefix, include, type, viewer: request.viewer_id },
      { by, direct },
      limit,
      offset,
      this.clock.now(),
    );
    return { totalCount: page.total, offset, count: page.rows.length, items: page.rows.map(toSimpleBucket) };
  }

  /** The seed's two uses of `POST /v1_ext/bucket/{name}`: the ACL (`null` clears it) or the owner. */
  @RpcHandler('buckets.bucket.update')
  async update(request: RpcParsedRequest<'buckets.bucket.update'>): Promise<RpcResponse<'buckets.bucket.update'>> {
    const { team_id, name } = request;
    if (request.acl !== undefined) {
      const current = await this.buckets.findAccess(team_id, name);
      if (!current) throw noSuchBucket(name);
      const acl: BucketAcl | null = request.acl && {
        permissions: permissionsOf(request.acl.permissions, current.acl?.permissions ?? null),
        public: request.acl.public ?? null,
        public_read_allow_ip_list: request.acl.public_read_allow_ip_list ?? [],
      };
      if (!(await this.buckets.setAcl(team_id, name, acl))) throw noSuchBucket(name);
    }
    if (request.owner_id !== undefined && !(await this.buckets.setOwner(team_id, name, request.owner_id))) {
      throw noSuchBucket(name);
    }
    const row = await this.buckets.find(team_id, name, this.clock.now());
    if (!row) throw noSuchBucket(name);
    return { name: row.name, ownerId: row.owner_id, acl: row.acl ?? NO_ACL };
  }

  @RpcHandler('buckets.bucket.delete')
  async delete(request: RpcParsedRequest<'buckets.bucket.delete'>): Promise<RpcResponse<'buckets.bucket.delete'>> {
    await this.deleteEmpty(request.team_id, request.name);
    return { deleted: true };
  }

  /** Deletes an empty bucket (expired objects do not count) and the bytes it still held. */
  async deleteEmpty(teamId: string, name: string): Promise<void> {
    const outcome = await this.buckets.deleteIfEmpty(teamId, name, this.clock.now());
    if (outcome === 'absent') throw noSuchBucket(name);
    if (outcome === 'not-empty') throw bucketNotEmpty(name);
    await this.orphans.delete(outcome.keys);
  }
}

/** `acl.permissions` as sent (absent: unchanged; `null`/`[]`: none). Names are the gateway's to fill in. */
function permissionsOf(
  sent: Array<{ user: { id: string }; permission: BucketPermission['permission'] }> | null | undefined,
  current: BucketPermission[] | null,
): BucketPermission[] | null {
  if (sent === undefined) return current;
  if (sent === null || sent.length === 0) return null;
  return sent.map((p) => ({ user: { id: p.user.id, name: '' }, permission: p.permission }));
}
