import { ObjectStorage } from './object-storage';
import { ListedObject } from './object-storage.types';

/** One page of the objects under `prefix`, shaped as a sweep's batch (`items`, `cursor`). */
export async function objectPage(
  storage: ObjectStorage,
  prefix: string,
  limit: number,
  cursor: string | undefined,
): Promise<{ items: ListedObject[]; cursor?: string }> {
  const list = await storage.list({ prefix, cursor, limit });
  return { items: list.objects, cursor: list.nextCursor };
}

/** The keys of the objects last written more than `ageMs` ago. */
export function keysOlderThan(objects: Pick<ListedObject, 'key' | 'lastModified'>[], ageMs: number): string[] {
  const cutoff = Date.now() - ageMs;
  return objects.filter((o) => o.lastModified.getTime() < cutoff).map((o) => o.key);
}
