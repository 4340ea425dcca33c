import { Controller, Options, Req, Res } from '@nestjs/common';
import { DomainError } from '@mp/contracts';
import { RpcClient } from '@mp/platform';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Dialect } from '../dialects/dialect.decorator';
import { DeclinedByRoute } from '../errors/declined-route';
import { BUCKET_DIALECT } from './bucket.dialect';
import { containerAccess } from './container-access';
import { preflight } from './cors-policy';
import { swiftTarget } from './swift-path';
import { isProjectId } from './project-id';

const single = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v)?.trim();

/**
 * CORS preflight (`OPTIONS`) on every path of seed 004. Containers and objects follow their
 * bucket's rules (`cors-policy.ts`); the other paths have the default policy, which lets no
 * external origin in. A preflight carries no token.
 */
@Controller()
@Dialect(BUCKET_DIALECT, { authenticate: false })
export class SwiftCorsController {
  constructor(private readonly rpc: RpcClient) {}

  @Options([
    'v1/:account',
    'v1/:account/*',
    'v1_ext/bucket',
    'v1_ext/bucket/:name',
    'v1_ext/bucket/:name/cors',
    'v1_ext/bucket/:name/policy',
    'v1_ext/bucket/:name/policy/:id',
    'v1_ext/:name/policy',
    'auth/v1.0',
    'info',
  ])
  async preflight(@Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const origin = single(request.headers.origin);
    const method = single(request.headers['access-control-request-method']);
    if (!origin || !method) {
      throw new DomainError('ValidationFailed', 'A preflight needs Origin and Access-Control-Request-Method', {});
    }
    const account = (request.params as Record<string, string | undefined>).account;
    let access;
    if (account !== undefined) {
      if (!isProjectId(account)) throw new DeclinedByRoute(request.method, request.url);
      const target = swiftTarget(request);
      if (target.level !== 'account') access = await containerAccess(this.rpc, account.toLowerCase(), target.container);
    }
    const answer = preflight(access, origin, method, single(request.headers['access-control-request-headers']));
    void reply.headers(answer.headers);
    if (answer.outcome !== 'allowed') {
      throw new DomainError(answer.status === 401 ? 'Unauthenticated' : 'Forbidden', 'CORS preflight refused', {
        origin,
        method,
      });
    }
    await reply.status(200).header('content-length', 0).send();
  }
}
