import { Injectable } from '@nestjs/common';
import { DomainError, Organization, RpcParsedRequest } from '@mp/contracts';
import { RpcHandler } from '@mp/platform';
import { FOREIGN_KEY_VIOLATION, pgFailure } from '../database/query-errors';
import { teamNotFound } from '../teams/team.service';
import { OrganizationRepository, OrganizationRow } from './organization.repository';

/** `billing.organization.*`: organisations of a team (seed 003) whose members share an export configuration. */
@Injectable()
export class OrganizationService {
  constructor(private readonly organizations: OrganizationRepository) {}

  @RpcHandler('billing.organization.create')
  async create(request: RpcParsedRequest<'billing.organization.create'>): Promise<Organization> {
    try {
      return toOrganization(await this.organizations.create(request.team_id, request.name));
    } catch (err) {
      if (pgFailure(err)?.code === FOREIGN_KEY_VIOLATION) throw teamNotFound(request.team_id);
      throw err;
    }
  }

  @RpcHandler('billing.organization.get')
  async get(request: RpcParsedRequest<'billing.organization.get'>): Promise<Organization> {
    return toOrganization(await this.require(request.team_id, request.organization_id));
  }

  @RpcHandler('billing.organization.member-add')
  async addMember(request: RpcParsedRequest<'billing.organization.member-add'>): Promise<Organization> {
    await this.require(request.team_id, request.organization_id);
    try {
      await this.organizations.addMember(request.team_id, request.organization_id, request.user_id);
    } catch (err) {
      if (pgFailure(err)?.code === FOREIGN_KEY_VIOLATION)
        throw new DomainError('NotFound', 'No user with this user_id in the team', { user_id: request.user_id });
      throw err;
    }
    return toOrganization(await this.require(request.team_id, request.organization_id));
  }

  @RpcHandler('billing.organization.member-remove')
  async removeMember(request: RpcParsedRequest<'billing.organization.member-remove'>): Promise<Organization> {
    await this.require(request.team_id, request.organization_id);
    if (!(await this.organizations.removeMember(request.team_id, request.organization_id, request.user_id))) {
      throw new DomainError('NotFound', 'The user is not a member of this organization', { user_id: request.user_id });
    }
    return toOrganization(await this.require(request.team_id, request.organization_id));
  }

  private async require(teamId: string, organizationId: string): Promise<OrganizationRow> {
    const row = await this.organizations.find(teamId, organizationId);
    if (!row) throw new DomainError('NotFound', 'Organization not found', { organization_id: organizationId });
    return row;
  }
}

function toOrganization(row: OrganizationRow): Organization {
  return {
    id: row.id,
    team_id: row.team_id,
    name: row.name,
    member_ids: row.member_ids,
    created_at: new Date(row.created_at).toISOString(),
  };
}
