import { ContainerListing, ListedObject, RpcRequest } from '@mp/contracts';
import { RpcClient } from '@mp/platform';

/**
 * Entries per `buckets.container.list` call: 500 entries of the longest names (1,024 bytes) stay
 * well under NATS's 1 MB payload, which a 10,000-entry page of a Swift listing would exceed.
 */
export const LISTING_RPC_PAGE = 500;

/** A container listing of up to `request.limit` entries, fetched page by page (Swift's marker paging). */
export async function listContainerPaged(
  rpc: RpcClient,
  request: RpcRequest<'buckets.container.list'>,
): Promise<ContainerListing> {
  const items: ListedObject[] = [];
  let marker = request.marker;
  let container: ContainerListing['container'] | undefined;
  for (;;) {
    const wanted = Math.min(LISTING_RPC_PAGE, request.limit - items.length);
    const page = await rpc.request('buckets.container.list', { ...request, marker, limit: wanted });
    container ??= page.container;
    items.push(...page.items);
    const last = page.items.at(-1);
    if (!last || page.items.length < wanted || items.length >= request.limit) return { container, items };
    marker = 'name' in last ? last.name : last.subdir;
  }
}
