import { Injectable } from '@nestjs/common';
import { DomainError, PolicyList, RpcParsedRequest, RpcResponse } from '@mp/contracts';
import { RpcHandler } from '@mp/platform';
import { rfc3339 } from '../buckets/bucket.mapper';
import { noSuchBucket } from '../buckets/bucket-errors';
import { BucketRepository } from '../buckets/bucket.repository';
import { Clock } from '../clock/clock';
import { PolicyRepository, PolicyRow } from './policy.repository';

/** `buckets.policy.*`: lifecycle policies; their effect (invisibility) is in every object query. */
@Injectable()
export class PolicyService {
  constructor(
    private readonly policies: PolicyRepository,
    private readonly buckets: BucketRepository,
    private readonly clock: Clock,
  ) {}

  @RpcHandler('buckets.policy.list')
  async list(request: RpcParsedRequest<'buckets.policy.list'>): Promise<RpcResponse<'buckets.policy.list'>> {
    return this.current(request.team_id, request.name);
  }

  /** Answers the bucket's whole list after the addition, as the seed's example does. */
  @RpcHandler('buckets.policy.create')
  async create(request: RpcParsedRequest<'buckets.policy.create'>): Promise<RpcResponse<'buckets.policy.create'>> {
    const { target, duration } = request.policy;
    if (!(await this.policies.insert(request.team_id, request.name, target, duration))) {
      throw noSuchBucket(request.name);
    }
    return this.current(request.team_id, request.name);
  }

  @RpcHandler('buckets.policy.delete')
  async delete(request: RpcParsedRequest<'buckets.policy.delete'>): Promise<RpcResponse<'buckets.policy.delete'>> {
    if (!(await this.policies.delete(request.team_id, request.name, request.id))) {
      await this.assertBucket(request.team_id, request.name);
      throw new DomainError('NotFound', 'Lifecycle policy not found', { id: request.id });
    }
    return { deleted: true };
  }

  private async current(teamId: string, name: string): Promise<PolicyList> {
    await this.assertBucket(teamId, name);
    return { policies: (await this.policies.list(teamId, name)).map(toPolicy) };
  }

  private async assertBucket(teamId: string, name: string): Promise<void> {
    if (!(await this.buckets.find(teamId, name, this.clock.now()))) throw noSuchBucket(name);
  }
}

function toPolicy(row: PolicyRow) {
  return { id: row.id, target: row.target, createdAt: rfc3339(row.created_at), duration: row.duration_days };
}
