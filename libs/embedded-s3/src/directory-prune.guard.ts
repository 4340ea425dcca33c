import { rmdir, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import type { S3rverStore } from './s3rver.adapter';

/** The files s3rver keeps per object, as `getResourcePath` suffixes. */
const OBJECT_RESOURCES = ['object', 'object.md5', 'metadata.json'];

/** Errors meaning "this directory is not ours to remove any more": gone, or written to meanwhile. */
const KEPT_DIRECTORY = new Set(['ENOENT', 'ENOTEMPTY', 'EEXIST']);

/**
 * Makes s3rver's pruning of emptied directories safe against concurrent writes. After a delete,
 * s3rver checks that the key's directory is empty and then removes it *recursively*: a put or
 * copy that created its file in that directory in between is answered 200 and silently lost
 * (or fails on the vanished directory). Here a delete removes its files as s3rver does, then
 * prunes each parent directory, deepest first, only while no write is in flight under it, and
 * never recursively; a write waits for a removal already under way in its directories, after
 * which s3rver's own `mkdir -p` recreates them.
 */
export class DirectoryPruneGuard {
  /** Writes in flight per `bucket/directory`. */
  private readonly writers = new Map<string, number>();
  /** Directory removals under way per `bucket/directory`. */
  private readonly removals = new Map<string, Promise<unknown>>();

  private constructor(private readonly store: S3rverStore) {}

  /** Replaces the store's write and delete methods; call before anything else wraps them. */
  static install(store: S3rverStore): DirectoryPruneGuard {
    const guard = new DirectoryPruneGuard(store);
    const putObject = store.putObject.bind(store);
    const copyObject = store.copyObject.bind(store);
    // putObjectMultipart writes through `this.putObject`, so it is covered too.
    store.putObject = (object) => guard.writing(object.bucket, object.key, () => putObject(object));
    store.copyObject = (srcBucket, srcKey, destBucket, destKey, metadata) =>
      guard.writing(destBucket, destKey, () => copyObject(srcBucket, srcKey, destBucket, destKey, metadata));
    store.deleteObject = (bucket, key) => guard.deleteObject(bucket, key);
    return guard;
  }

  private async writing<T>(bucket: string, key: string, write: () => Promise<T>): Promise<T> {
    const ids = parentDirectories(key).map((directory) => `${bucket}/${directory}`);
    for (;;) {
      const pending = ids.flatMap((id) => this.removals.get(id) ?? []);
      if (pending.length === 0) break;
      await Promise.all(pending);
    }
    for (const id of ids) this.writers.set(id, (this.writers.get(id) ?? 0) + 1);
    try {
      return await write();
    } finally {
      for (const id of ids) {
        const left = (this.writers.get(id) ?? 1) - 1;
        if (left > 0) this.writers.set(id, left);
        else this.writers.delete(id);
      }
    }
  }

  private async deleteObject(bucket: string, key: string): Promise<void> {
    await Promise.all(
      OBJECT_RESOURCES.map((resource) =>
        unlink(this.store.getResourcePath(bucket, key, resource)).catch(ignoreMissing),
      ),
    );
    const bucketPath = this.store.getBucketPath(bucket);
    for (const directory of parentDirectories(key)) {
      const id = `${bucket}/${directory}`;
      // A write under way will fill the directory; another delete already prunes it upwards.
      if (this.writers.has(id) || this.removals.has(id)) return;
      const removal = rmdir(join(bucketPath, ...directory.split('/'))).then(
        () => true,
        (err: NodeJS.ErrnoException) => {
          if (err.code && KEPT_DIRECTORY.has(err.code)) return false;
          throw err;
        },
      );
      this.removals.set(
        id,
        removal.catch(() => undefined),
      );
      try {
        if (!(await removal)) return;
      } finally {
        this.removals.delete(id);
      }
    }
  }
}

/** The directories holding a key's files, deepest first: `a/b/c.jpg` → `a/b`, `a`. */
export function parentDirectories(key: string): string[] {
  const parts = key
    .split('/')
    .slice(0, -1)
    .filter((part) => part !== '' && part !== '.'); // the file system collapses these
  return parts.map((_, i) => parts.slice(0, parts.length - i).join('/'));
}

function ignoreMissing(err: NodeJS.ErrnoException): void {
  if (err.code !== 'ENOENT') throw err;
}
