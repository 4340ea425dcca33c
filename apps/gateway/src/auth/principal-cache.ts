import { Principal } from '@mp/contracts';

interface Entry {
  principal: Principal | null;
  expiresAt: number;
}

const NEGATIVE_TTL_MS = 1000;

/** Short-lived cache of key lookups (by hash), bounded in size; revocation shows within the TTL. */
export class PrincipalCache {
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly ttlMs: number,
    private readonly maxEntries = 50_000,
  ) {}

  get(hash: string): Entry | undefined {
    const entry = this.entries.get(hash);
    if (!entry) return undefined;
    if (entry.expiresAt <= Date.now()) {
      this.entries.delete(hash);
      return undefined;
    }
    return entry;
  }

  set(hash: string, principal: Principal | null): void {
    if (this.ttlMs === 0) return;
    if (this.entries.size >= this.maxEntries) this.entries.delete(this.entries.keys().next().value as string);
    this.entries.set(hash, {
      principal,
      expiresAt: Date.now() + (principal ? this.ttlMs : Math.min(this.ttlMs, NEGATIVE_TTL_MS)),
    });
  }
}
