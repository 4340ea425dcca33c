import { Principal } from '@mp/contracts';
import { RpcClient } from '@mp/platform';
import type { FastifyRequest } from 'fastify';
import { containerAccess } from './container-access';
import { ipAllowed } from './ip-allow-list';
import { swiftTarget } from './swift-path';

/** The key id of a request admitted by a bucket's public-read ACL: it holds no key. */
export const PUBLIC_READER_KEY_ID = 'public-read';

/**
 * A tokenless GET/HEAD of a container or an object of `account`: admitted as a reader when the
 * bucket is `public: read-only` and the client IP (the socket's, or X-Forwarded-For from a
 * trusted proxy: `request.ip`) is on its allow-list (any IP when the list is empty). Otherwise
 * undefined, and the request is answered as unauthenticated — an absent bucket looks the same.
 */
export async function publicReader(
  rpc: RpcClient,
  request: FastifyRequest,
  account: string,
): Promise<Principal | undefined> {
  if (request.method !== 'GET' && request.method !== 'HEAD') return undefined;
  const target = swiftTarget(request);
  if (target.level === 'account') return undefined;
  const access = await containerAccess(rpc, account, target.container);
  if (!access || access.public !== 'read-only' || !ipAllowed(request.ip, access.public_read_allow_ip_list))
    return undefined;
  return { key_id: PUBLIC_READER_KEY_ID, team_id: account, user_id: null, kind: 'bucket' };
}
