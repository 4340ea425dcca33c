import { S3rverStore } from './s3rver.adapter';

/**
 * Keeps what s3rver looks up about a bucket on every request in memory: its configuration
 * documents (CORS, website…, read and parsed from disk by the CORS and website middlewares) and
 * that it exists (a stat of its directory). The server is the only writer of its directory, so
 * its own writes (put/delete of a document, creating or deleting the bucket) are what
 * invalidates them. Objects' documents are not cached (there is one per object).
 */
export function installBucketStateCache(store: S3rverStore): void {
  const existing = new Map<string, unknown>();
  const getBucket = store.getBucket.bind(store);
  const putBucket = store.putBucket.bind(store);
  store.getBucket = async (bucket) => {
    if (existing.has(bucket)) return existing.get(bucket);
    const found = await getBucket(bucket);
    if (found) existing.set(bucket, found); // an absent bucket is asked again: it may be created
    return found;
  };
  store.putBucket = async (bucket) => {
    existing.delete(bucket);
    return putBucket(bucket);
  };
  const cached = new Map<string, Promise<unknown>>();
  const keyOf = (bucket: string, resourceType: string) => `${bucket}\u0000${resourceType}`;
  const forget = (bucket: string) => {
    for (const key of cached.keys()) if (key.startsWith(`${bucket}\u0000`)) cached.delete(key);
  };
  const get = store.getSubresource.bind(store);
  const put = store.putSubresource.bind(store);
  const remove = store.deleteSubresource.bind(store);
  const deleteBucket = store.deleteBucket.bind(store);
  store.getSubresource = (bucket, key, resourceType) => {
    if (key) return get(bucket, key, resourceType);
    const id = keyOf(bucket, resourceType);
    let document = cached.get(id);
    if (!document) {
      document = get(bucket, key, resourceType);
      cached.set(id, document);
      document.catch(() => cached.delete(id)); // a failed read is not remembered
    }
    return document;
  };
  store.putSubresource = async (bucket, key, resource) => {
    try {
      await put(bucket, key, resource);
    } finally {
      if (!key) cached.delete(keyOf(bucket, resource.type));
    }
  };
  store.deleteSubresource = async (bucket, key, resourceType) => {
    try {
      await remove(bucket, key, resourceType);
    } finally {
      if (!key) cached.delete(keyOf(bucket, resourceType));
    }
  };
  store.deleteBucket = async (bucket) => {
    try {
      await deleteBucket(bucket);
    } finally {
      existing.delete(bucket);
      forget(bucket);
    }
  };
}
