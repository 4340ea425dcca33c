import type { ObjectHead } from '@mp/storage';
import { LRUCache } from 'lru-cache';

export interface CachedObject {
  head: ObjectHead;
  bytes: Buffer;
}

export type CacheOutcome = 'hit' | 'miss' | 'bypass';

/** Bytes an entry costs beyond its body (head, key, LRU bookkeeping); keeps many tiny objects from overrunning the budget. */
const ENTRY_OVERHEAD_BYTES = 512;

/**
 * Whole small objects kept in memory under a version the caller vouches for: an immutable key, or
 * the ETag the service that owns the object reported. A request that finds its version here needs
 * no store round trip; a new version is simply another entry, and old ones age out (least recently
 * used first, within `maxBytes`).
 */
export class SmallObjectCache {
  private readonly entries: LRUCache<string, CachedObject> | undefined;

  constructor(
    maxBytes: number,
    private readonly maxObjectBytes: number,
    private readonly onOutcome: (outcome: CacheOutcome) => void = () => undefined,
  ) {
    if (maxBytes > 0 && maxObjectBytes > 0)
      this.entries = new LRUCache({
        maxSize: maxBytes,
        sizeCalculation: (entry) => entry.bytes.length + ENTRY_OVERHEAD_BYTES,
      });
  }

  /** Whether an object of this size is kept once read. */
  admits(size: number): boolean {
    return this.entries !== undefined && size <= this.maxObjectBytes;
  }

  get(key: string, version: string): CachedObject | undefined {
    const found = this.entries?.get(entryKey(key, version));
    this.onOutcome(found ? 'hit' : this.entries ? 'miss' : 'bypass');
    return found;
  }

  set(key: string, version: string, entry: CachedObject): void {
    if (this.admits(entry.bytes.length)) this.entries!.set(entryKey(key, version), entry);
  }
}

function entryKey(key: string, version: string): string {
  return `${key}\u0000${version}`;
}
