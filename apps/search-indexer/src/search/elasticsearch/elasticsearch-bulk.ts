import type { Client, estypes } from '@elastic/elasticsearch';

/**
 * Sends bulk lines and returns the `_id` of each applied write. A version conflict (409) means
 * the stored document is as new or newer, or a tombstone: not an error. Anything else throws.
 */
export async function bulkWrite(
  client: Client,
  operations: unknown[],
  options: { refresh?: boolean } = {},
): Promise<string[]> {
  if (operations.length === 0) return [];
  const response = await client.bulk({
    operations: operations as estypes.BulkOperationContainer[],
    refresh: options.refresh ?? false,
  });
  const applied: string[] = [];
  const failures: string[] = [];
  for (const item of response.items) {
    const result = Object.values(item)[0] as estypes.BulkResponseItem | undefined;
    if (!result) continue;
    if (result.status >= 200 && result.status < 300) applied.push(String(result._id));
    else if (result.status !== 409)
      failures.push(
        `${String(result._id)}: ${result.status} ${result.error?.type ?? ''} ${result.error?.reason ?? ''}`.trim(),
      );
  }
  if (failures.length)
    throw new Error(
      `Elasticsearch bulk write failed for ${failures.length} document(s): ${failures.slice(0, 5).join('; ')}`,
    );
  return applied;
}
