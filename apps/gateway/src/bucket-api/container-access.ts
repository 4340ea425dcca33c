import { ContainerAccess, DomainError } from '@mp/contracts';
import { RpcClient } from '@mp/platform';

/** The ACL and CORS of `container` of `account`, or undefined when there is no such container. */
export async function containerAccess(
  rpc: RpcClient,
  account: string,
  container: string,
): Promise<ContainerAccess | undefined> {
  try {
    return await rpc.request('buckets.container.access', { team_id: account, container });
  } catch (err) {
    if (err instanceof DomainError && err.code === 'NotFound') return undefined;
    throw err;
  }
}
