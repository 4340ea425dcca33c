import { Injectable } from '@nestjs/common';
import { DomainError, Principal } from '@mp/contracts';
import { RpcClient } from '@mp/platform';
import type { FastifyRequest } from 'fastify';
import { containerAccess } from './container-access';
import { BucketNeed, bucketRole, roleAllows } from './bucket-roles';
import { swiftTarget } from './swift-path';

const VERBS: Record<BucketNeed, string> = { read: 'read', write: 'write to', admin: 'administer' };

/**
 * Enforces the per-user bucket roles (`acl.permissions`) for the tokens of users: on the bucket a
 * request names, and on the other buckets it reads through (a copy's source, large-object segments)
 * or deletes in (bulk delete). A bucket that does not exist passes: its handler answers 404.
 */
@Injectable()
export class BucketRoles {
  constructor(private readonly rpc: RpcClient) {}

  async allows(principal: Principal, container: string, need: BucketNeed): Promise<boolean> {
    if (principal.user_id === null) return true;
    const access = await containerAccess(this.rpc, principal.team_id, container);
    return !access || roleAllows(bucketRole(principal, access), need);
  }

  async assert(principal: Principal, container: string, need: BucketNeed): Promise<void> {
    if (!(await this.allows(principal, container, need))) {
      throw new DomainError('Forbidden', `This token's user may not ${VERBS[need]} bucket ${container}`, {
        container,
        need,
      });
    }
  }

  async assertAll(principal: Principal, containers: Iterable<string>, need: BucketNeed): Promise<void> {
    if (principal.user_id === null) return;
    for (const container of new Set(containers)) await this.assert(principal, container, need);
  }

  /** The bucket a request of the bucket or Swift API names and what it does to it. */
  async assertRequest(principal: Principal, request: FastifyRequest): Promise<void> {
    if (principal.user_id === null) return;
    const named = requestNeed(request);
    if (named) await this.assert(principal, named.container, named.need);
  }
}

function requestNeed(request: FastifyRequest): { container: string; need: BucketNeed } | undefined {
  const params = request.params as Record<string, string | undefined>;
  const reading = request.method === 'GET' || request.method === 'HEAD';
  if (params.account !== undefined) {
    const target = swiftTarget(request);
    if (target.level === 'account') return undefined;
    // A container's PUT (metadata when it exists), POST and DELETE are the bucket's administration.
    const need = reading ? 'read' : target.level === 'object' ? 'write' : 'admin';
    return { container: target.container, need };
  }
  if (params.name === undefined) return undefined;
  return { container: params.name, need: reading ? 'read' : 'admin' };
}
