import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { DomainError } from '@mp/contracts';
import { RpcClient } from '@mp/platform';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { KeyAuthenticator } from '../auth/key-authenticator.service';
import { AuthenticatedRequest } from '../auth/principal.decorator';
import { DeclinedByRoute } from '../errors/declined-route';
import { BucketRoles } from './bucket-roles.service';
import { checkCors } from './cors-check';
import { isProjectId } from './project-id';
import { publicReader } from './public-reader';
import { tempUrlPrincipal } from './temp-url-reader';

/**
 * Seed 004: `X-Auth-Token: <bucket token>`. On `/v1/{account}/…` the account must be a project id
 * (a UUID), else the request was never a Swift one (`/v1/files/nope`) and answers as an unrouted
 * path; a project other than the token's is refused. Without a token, a public-read bucket's
 * objects and listing may be read (`publicReader`), and a TempURL signature admits its one
 * object (`tempUrlPrincipal`). A user's token is held to its role on the bucket (`BucketRoles`).
 */
@Injectable()
export class BucketTokenGuard implements CanActivate {
  constructor(
    private readonly keys: KeyAuthenticator,
    private readonly rpc: RpcClient,
    private readonly roles: BucketRoles,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<FastifyRequest & AuthenticatedRequest>();
    const account = (request.params as Record<string, string | undefined>).account;
    if (account !== undefined && !isProjectId(account)) {
      throw new DeclinedByRoute(request.method, request.url);
    }
    const header = request.headers['x-auth-token'] ?? request.headers['x-storage-token'];
    const token = Array.isArray(header) ? header[0] : header;
    if (!token?.trim() && account !== undefined) {
      const reader =
        (await tempUrlPrincipal(this.rpc, request, account.toLowerCase())) ??
        (await publicReader(this.rpc, request, account.toLowerCase()));
      if (reader) {
        request.principal = reader;
        await checkCors(this.rpc, request, context.switchToHttp().getResponse<FastifyReply>(), account);
        return true;
      }
    }
    const principal = await this.keys.authenticate({
      secret: token,
      kinds: ['bucket'],
      missingMessage: 'Missing token: send X-Auth-Token with a bucket token',
    });
    if (account !== undefined && account.toLowerCase() !== principal.team_id) {
      throw new DomainError('Forbidden', 'The token is not valid for this account', { account });
    }
    request.principal = principal;
    await this.roles.assertRequest(principal, request);
    if (account !== undefined) {
      await checkCors(this.rpc, request, context.switchToHttp().getResponse<FastifyReply>(), account);
    }
    return true;
  }
}
