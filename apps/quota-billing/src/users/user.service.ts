import { Injectable } from '@nestjs/common';
import { DomainError, RpcParsedRequest, RpcResponse, User } from '@mp/contracts';
import { RpcHandler } from '@mp/platform';
import { FOREIGN_KEY_VIOLATION, pgFailure, UNIQUE_VIOLATION } from '../database/query-errors';
import { teamNotFound, TeamService } from '../teams/team.service';
import { UserEntity } from './user.entity';
import { UserRepository } from './user.repository';

/** `billing.user.*`: people of a team, whom keys may be issued to. */
@Injectable()
export class UserService {
  constructor(
    private readonly users: UserRepository,
    private readonly teams: TeamService,
  ) {}

  @RpcHandler('billing.user.create')
  async create(request: RpcParsedRequest<'billing.user.create'>): Promise<User> {
    try {
      return toUser(
        await this.users.insert({ team_id: request.team_id, email: request.email, name: request.name ?? null }),
      );
    } catch (err) {
      const failure = pgFailure(err);
      if (failure?.code === FOREIGN_KEY_VIOLATION) throw teamNotFound(request.team_id);
      if (failure?.code === UNIQUE_VIOLATION) {
        throw new DomainError('Conflict', 'A user with this email already exists in the team', {
          team_id: request.team_id,
          email: request.email,
        });
      }
      throw err;
    }
  }

  @RpcHandler('billing.user.list')
  async list(request: RpcParsedRequest<'billing.user.list'>): Promise<RpcResponse<'billing.user.list'>> {
    const [users] = await Promise.all([
      this.users.listByTeam(request.team_id),
      this.teams.assertExists(request.team_id),
    ]);
    return { users: users.map(toUser) };
  }
}

function toUser(user: UserEntity): User {
  return {
    id: user.id,
    team_id: user.team_id,
    email: user.email,
    name: user.name,
    created_at: user.created_at.toISOString(),
  };
}
