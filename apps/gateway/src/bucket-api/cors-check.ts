import { DomainError } from '@mp/contracts';
import { RpcClient } from '@mp/platform';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { containerAccess } from './container-access';
import { actualRequest } from './cors-policy';
import { swiftTarget } from './swift-path';

/**
 * A container or object request with an `Origin`, evaluated against its bucket's CORS: refused
 * (403) when the bucket's rules do not allow it, else answered with the CORS headers it earns.
 */
export async function checkCors(rpc: RpcClient, request: FastifyRequest, reply: FastifyReply, account: string) {
  const origin = request.headers.origin;
  if (typeof origin !== 'string' || origin === '') return;
  const target = swiftTarget(request);
  if (target.level === 'account') return;
  const access = await containerAccess(rpc, account.toLowerCase(), target.container);
  if (!access) return; // the handler answers 404
  const answer = actualRequest(access, origin, request.method);
  void reply.headers(answer.headers);
  if (answer.outcome === 'refused') {
    throw new DomainError('Forbidden', 'The bucket’s CORS rules do not allow this origin or method', { origin });
  }
}
