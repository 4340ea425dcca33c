import { Principal } from '@mp/contracts';
import { RpcClient } from '@mp/platform';
import type { FastifyRequest } from 'fastify';
import { containerAccess } from './container-access';
import { swiftTarget } from './swift-path';
import { tempUrlValid } from './temp-url';

/** The key id of a request admitted by a TempURL signature: it holds no key. */
export const TEMP_URL_KEY_ID = 'temp-url';

/** A tokenless object request with a valid TempURL signature of its container's keys, as a principal of `account`. */
export async function tempUrlPrincipal(
  rpc: RpcClient,
  request: FastifyRequest,
  account: string,
): Promise<Principal | undefined> {
  const query = request.query as Record<string, unknown>;
  if (query.temp_url_sig === undefined) return undefined;
  const target = swiftTarget(request);
  if (target.level !== 'object') return undefined;
  const access = await containerAccess(rpc, account, target.container);
  if (!access) return undefined;
  let path: string;
  try {
    path = decodeURIComponent(request.url.split('?')[0]!);
  } catch {
    return undefined;
  }
  const valid = tempUrlValid({
    method: request.method,
    path,
    query,
    clientIp: request.ip,
    keys: access.temp_url_keys,
    now: new Date(),
  });
  return valid ? { key_id: TEMP_URL_KEY_ID, team_id: account, user_id: null, kind: 'bucket' } : undefined;
}
