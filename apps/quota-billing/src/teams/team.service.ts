import { Injectable } from '@nestjs/common';
import { DomainError, RpcParsedRequest, RpcResponse, Team } from '@mp/contracts';
import { RpcHandler } from '@mp/platform';
import { TeamEntity } from './team.entity';
import { TeamRepository } from './team.repository';

/** `billing.team.*`: the tenants every key and user belongs to. */
@Injectable()
export class TeamService {
  constructor(private readonly teams: TeamRepository) {}

  @RpcHandler('billing.team.create')
  async create(request: RpcParsedRequest<'billing.team.create'>): Promise<Team> {
    return toTeam(await this.teams.insert(request.name));
  }

  @RpcHandler('billing.team.get')
  async get(request: RpcParsedRequest<'billing.team.get'>): Promise<Team> {
    const team = await this.teams.findById(request.team_id);
    if (!team) throw teamNotFound(request.team_id);
    return toTeam(team);
  }

  @RpcHandler('billing.team.list')
  async list(): Promise<RpcResponse<'billing.team.list'>> {
    return { teams: (await this.teams.list()).map(toTeam) };
  }

  /** Throws TeamNotFound unless the team exists. */
  async assertExists(teamId: string): Promise<void> {
    if (!(await this.teams.exists(teamId))) throw teamNotFound(teamId);
  }
}

export function teamNotFound(teamId: string): DomainError {
  return new DomainError('TeamNotFound', 'Team not found', { team_id: teamId });
}

function toTeam(team: TeamEntity): Team {
  return { id: team.id, name: team.name, created_at: team.created_at.toISOString() };
}
