import { ContainerListing, ListedObject, RpcRequest } from '@mp/contracts';
import { RpcClient } from '@mp/platform';

/** Swift's largest listing page, and so the most one `buckets.container.list` call is asked for. */
const MAX_PAGE = 10_000;

/**
 * A container listing of up to `request.limit` entries. The buckets app stops a reply short
 * (`truncated`) to stay under NATS's 1 MB payload; the rest is asked for after its last entry
 * (Swift's marker paging), so short names take one or two calls and the longest ones more.
 */
export async function listContainerPaged(
  rpc: RpcClient,
  request: RpcRequest<'buckets.container.list'>,
): Promise<ContainerListing> {
  const items: ListedObject[] = [];
  let marker = request.marker;
  let container: ContainerListing['container'] | undefined;
  for (;;) {
    const wanted = Math.min(MAX_PAGE, request.limit - items.length);
    const page = await rpc.request('buckets.container.list', { ...request, marker, limit: wanted });
    container ??= page.container;
    items.push(...page.items);
    const last = page.items.at(-1);
    if (!last || !page.truncated || items.length >= request.limit) return { container, items, truncated: false };
    marker = 'name' in last ? last.name : last.subdir;
  }
}
