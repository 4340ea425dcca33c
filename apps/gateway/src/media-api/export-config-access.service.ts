import { Injectable } from '@nestjs/common';
import { DomainError } from '@mp/contracts';
import { RpcClient } from '@mp/platform';
import { AccountStatusCache } from './account-status.cache';
import { MediaPrincipal } from './media-principal';

/** FastAPI template's refusal. */
export const NOT_ENOUGH_PRIVILEGES = "The user doesn't have enough privileges";

/** Whose export configuration a request addresses, once the caller may act on it. */
export interface ExportOwnerRef {
  team_id: string;
  user_id: string;
  organization_id: string | null;
}

/**
 * The seed's permission rules. Users: only their own configuration; superusers: any user's of their
 * team (other teams stay invisible: 404). Organisations: members, and superusers of the team; a
 * non-member gets 403, an organisation of another team or none at all 404.
 */
@Injectable()
export class ExportConfigAccess {
  constructor(
    private readonly accounts: AccountStatusCache,
    private readonly rpc: RpcClient,
  ) {}

  async forUser(caller: MediaPrincipal, userId: string): Promise<ExportOwnerRef> {
    if (userId === caller.user_id) return { team_id: caller.team_id, user_id: caller.user_id, organization_id: null };
    if (!caller.is_superuser) throw new DomainError('Forbidden', NOT_ENOUGH_PRIVILEGES);
    const target = await this.accounts.get(userId);
    if (!target || target.team_id !== caller.team_id) throw new DomainError('NotFound', 'User not found');
    return { team_id: caller.team_id, user_id: userId, organization_id: null };
  }

  async forOrganization(caller: MediaPrincipal, organizationId: string): Promise<ExportOwnerRef> {
    const owner = { team_id: caller.team_id, user_id: caller.user_id, organization_id: organizationId };
    if (caller.organization_ids.includes(organizationId)) return owner;
    const organization = await this.rpc
      .request('billing.organization.get', { team_id: caller.team_id, organization_id: organizationId })
      .catch((err: unknown) => {
        if (err instanceof DomainError && err.code === 'NotFound')
          throw new DomainError('NotFound', 'Organization not found');
        throw err;
      });
    // The membership list may be up to AUTH_STATUS_CACHE_MS old; the organisation's own is current.
    if (caller.is_superuser || organization.member_ids.includes(caller.user_id)) return owner;
    throw new DomainError('Forbidden', NOT_ENOUGH_PRIVILEGES);
  }
}
