import { Injectable } from '@nestjs/common';
import { DomainError, Principal } from '@mp/contracts';
import { RpcClient } from '@mp/platform';
import type { FastifyRequest } from 'fastify';
import { containerAccess } from './container-access';
import { ipAllowed } from './ip-allow-list';
import { PUBLIC_READER_KEY_ID } from './public-reader';
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

  /**
   * A tokenless public reader of a large object reads its segments only from buckets it could read
   * itself (public-read, its IP allowed), as Swift checks a segment container's ACL; other callers
   * are held to their roles.
   */
  async assertSegmentsReadable(principal: Principal, containers: Iterable<string>, clientIp: string): Promise<void> {
    if (principal.key_id !== PUBLIC_READER_KEY_ID) return this.assertAll(principal, containers, 'read');
    for (const container of new Set(containers)) {
      const access = await containerAccess(this.rpc, principal.team_id, container);
      if (!access || access.public !== 'read-only' || !ipAllowed(clientIp, access.public_read_allow_ip_list)) {
        throw new DomainError('Unauthenticated', `The segments in bucket ${container} are not public`, { container });
      }
    }
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
