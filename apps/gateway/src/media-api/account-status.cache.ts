import { Inject, Injectable } from '@nestjs/common';
import { AccountStatus, DomainError } from '@mp/contracts';
import { APP_CONFIG, RpcClient } from '@mp/platform';
import { LRUCache } from 'lru-cache';
import { MediaApiConfig } from './media-api.config';

const MAX_ENTRIES = 50_000;

/**
 * Account state behind a token (active, superuser, organisations), reused for AUTH_STATUS_CACHE_MS:
 * deactivation or a membership change shows within that time. Unknown accounts are cached too, and
 * concurrent misses for one account share one RPC.
 */
@Injectable()
export class AccountStatusCache {
  private readonly cache?: LRUCache<string, { status: AccountStatus | null }>;

  constructor(
    private readonly rpc: RpcClient,
    @Inject(APP_CONFIG) config: MediaApiConfig,
  ) {
    if (config.AUTH_STATUS_CACHE_MS > 0) {
      this.cache = new LRUCache({
        max: MAX_ENTRIES,
        ttl: config.AUTH_STATUS_CACHE_MS,
        fetchMethod: async (userId: string) => ({ status: await this.load(userId) }),
      });
    }
  }

  async get(userId: string): Promise<AccountStatus | null> {
    if (!this.cache) return this.load(userId);
    const entry = await this.cache.fetch(userId);
    return entry?.status ?? null;
  }

  private load(userId: string): Promise<AccountStatus | null> {
    return this.rpc.request('billing.account.status', { user_id: userId }).catch((err: unknown) => {
      if (err instanceof DomainError && err.code === 'NotFound') return null;
      throw err;
    });
  }
}
