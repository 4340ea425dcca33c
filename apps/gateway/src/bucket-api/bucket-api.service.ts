import { Injectable } from '@nestjs/common';
import {
  Bucket,
  BucketAcl,
  BucketList,
  CorsConfiguration,
  CreateBucketBody,
  CreatedBucket,
  CreatePolicyBody,
  DomainError,
  ListBucketsQuery,
  PolicyList,
  Principal,
  SimpleBucket,
  UpdateBucketBody,
  UpdatedBucket,
} from '@mp/contracts';
import { RpcClient } from '@mp/platform';
import { MasterKeys } from './encryption/master-keys';

/** The bucket API (`/v1_ext/bucket…`) over the buckets app; owners are users of quota-billing. */
@Injectable()
export class BucketApiService {
  constructor(
    private readonly rpc: RpcClient,
    private readonly keys: MasterKeys,
  ) {}

  create(principal: Principal, bucket: CreateBucketBody): Promise<CreatedBucket> {
    if (bucket.use_encryption && !this.keys.available) {
      throw new DomainError('ValidationFailed', 'use_encryption: this deployment has no encryption key configured', {
        field: 'use_encryption',
      });
    }
    return this.rpc.request('buckets.bucket.create', {
      team_id: principal.team_id,
      owner_id: principal.user_id,
      bucket,
    });
  }

  async get(principal: Principal, name: string): Promise<Bucket> {
    const bucket = await this.rpc.request('buckets.bucket.get', { team_id: principal.team_id, name });
    const [named] = await this.withOwnerNames(principal, [bucket]);
    return { ...named, acl: await this.withGranteeNames(principal, named.acl) };
  }

  async list(principal: Principal, query: ListBucketsQuery): Promise<BucketList> {
    const page = await this.rpc.request('buckets.bucket.list', {
      team_id: principal.team_id,
      viewer_id: principal.user_id,
      query,
    });
    return { ...page, items: await this.withOwnerNames(principal, page.items) };
  }

  /**
   * `ownerId` and the users of `acl.permissions` must be users of the caller's project; another
   * project's user is unknown here (404).
   */
  async update(principal: Principal, name: string, body: UpdateBucketBody): Promise<UpdatedBucket> {
    const grantees = (body.acl?.permissions ?? []).map((p) => p.user.id);
    if (body.ownerId !== undefined || grantees.length > 0) {
      const { users } = await this.rpc.request('billing.user.list', { team_id: principal.team_id });
      const known = new Set(users.map((u) => u.id));
      if (body.ownerId !== undefined && !known.has(body.ownerId)) {
        throw new DomainError('NotFound', 'ownerId is not a user of this project', { ownerId: body.ownerId });
      }
      const stranger = grantees.findIndex((id) => !known.has(id));
      if (stranger >= 0) {
        throw new DomainError('NotFound', `acl.permissions[${stranger}].user.id is not a user of this project`, {
          userId: grantees[stranger],
        });
      }
    }
    const updated = await this.rpc.request('buckets.bucket.update', {
      team_id: principal.team_id,
      name,
      ...(body.acl !== undefined ? { acl: body.acl } : {}),
      ...(body.ownerId !== undefined ? { owner_id: body.ownerId } : {}),
    });
    return { ...updated, acl: await this.withGranteeNames(principal, updated.acl) };
  }

  async delete(principal: Principal, name: string): Promise<void> {
    await this.rpc.request('buckets.bucket.delete', { team_id: principal.team_id, name });
  }

  getCors(principal: Principal, name: string): Promise<CorsConfiguration> {
    return this.rpc.request('buckets.cors.get', { team_id: principal.team_id, name });
  }

  putCors(principal: Principal, name: string, body: CorsConfiguration): Promise<CorsConfiguration> {
    return this.rpc.request('buckets.cors.put', { team_id: principal.team_id, name, body });
  }

  listPolicies(principal: Principal, name: string): Promise<PolicyList> {
    return this.rpc.request('buckets.policy.list', { team_id: principal.team_id, name });
  }

  createPolicy(principal: Principal, name: string, policy: CreatePolicyBody): Promise<PolicyList> {
    return this.rpc.request('buckets.policy.create', { team_id: principal.team_id, name, policy });
  }

  async deletePolicy(principal: Principal, name: string, id: number): Promise<void> {
    await this.rpc.request('buckets.policy.delete', { team_id: principal.team_id, name, id });
  }

  /** Fills the names of `acl.permissions` users in (the user's name, else e-mail). */
  private async withGranteeNames(principal: Principal, acl: BucketAcl): Promise<BucketAcl> {
    if (!acl.permissions?.length) return acl;
    const { users } = await this.rpc.request('billing.user.list', { team_id: principal.team_id });
    const names = new Map(users.map((u) => [u.id, u.name ?? u.email]));
    return {
      ...acl,
      permissions: acl.permissions.map((p) => ({ ...p, user: { id: p.user.id, name: names.get(p.user.id) ?? '' } })),
    };
  }

  /** Fills `owner.name` (the user's name, else e-mail) in from the project's users. */
  private async withOwnerNames<B extends SimpleBucket>(principal: Principal, buckets: B[]): Promise<B[]> {
    if (!buckets.some((b) => b.owner)) return buckets;
    const { users } = await this.rpc.request('billing.user.list', { team_id: principal.team_id });
    const names = new Map(users.map((u) => [u.id, u.name ?? u.email]));
    return buckets.map((b) => (b.owner ? { ...b, owner: { id: b.owner.id, name: names.get(b.owner.id) ?? '' } } : b));
  }
}
