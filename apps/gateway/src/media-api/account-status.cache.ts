import { Inject, Injectable } from '@nestjs/common';
import { AccountStatus, DomainError } from '@mp/contracts';
import { APP_CONFIG, RpcClient } from '@mp/platform';
import { MediaApiConfig } from './media-api.config';

interface Entry {
  status: AccountStatus | null;
  expiresAt: number;
}

const MAX_ENTRIES = 50_000;

/**
 * Account state behind a token (active, superuser, organisations), reused for AUTH_STATUS_CACHE_MS:
 * deactivation or a membership change shows within that time. Unknown accounts are cached too.
 */
@Injectable()
export class AccountStatusCache {
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly rpc: RpcClient,
    @Inject(APP_CONFIG) private readonly config: MediaApiConfig,
  ) {}

  async get(userId: string): Promise<AccountStatus | null> {
    const cached = this.entries.get(userId);
    if (cached && cached.expiresAt > Date.now()) return cached.status;
    const status = await this.rpc.request('billing.account.status', { user_id: userId }).catch((err: unknown) => {
      if (err instanceof DomainError && err.code === 'NotFound') return null;
      throw err;
    });
    if (this.config.AUTH_STATUS_CACHE_MS > 0) {
      if (this.entries.size >= MAX_ENTRIES) this.entries.delete(this.entries.keys().next().value as string);
      this.entries.set(userId, { status, expiresAt: Date.now() + this.config.AUTH_STATUS_CACHE_MS });
    }
    return status;
  }
}
