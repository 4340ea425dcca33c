/**
 * Decides when a key's `last_used_at` is worth writing: at most once per interval per key,
 * judged by the stored value and by this instance's own recent writes (so a burst of requests
 * with the same key issues one UPDATE, not one each). Memory is bounded by `maxEntries`.
 */
export class LastUsedThrottle {
  private readonly recent = new Map<string, number>();

  constructor(
    private readonly intervalMs = 60_000,
    private readonly maxEntries = 10_000,
    private readonly now: () => number = Date.now,
  ) {}

  shouldRecord(keyId: string, storedAt: Date | null): boolean {
    const now = this.now();
    if (storedAt && now - storedAt.getTime() < this.intervalMs) return false;
    const last = this.recent.get(keyId);
    if (last !== undefined && now - last < this.intervalMs) return false;
    if (last === undefined && this.recent.size >= this.maxEntries) this.prune(now);
    this.recent.set(keyId, now);
    return true;
  }

  private prune(now: number): void {
    for (const [id, at] of this.recent) if (now - at >= this.intervalMs) this.recent.delete(id);
    if (this.recent.size >= this.maxEntries) this.recent.clear();
  }
}
