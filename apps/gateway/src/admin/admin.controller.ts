import { Body, Controller, Delete, Get, HttpCode, Param, Post } from '@nestjs/common';
import {
  ApiKeySummary,
  CreateApiKeyBody,
  createApiKeyBodySchema,
  CreatedApiKey,
  CreateTeamBody,
  createTeamBodySchema,
  CreateUserBody,
  createUserBodySchema,
  Team,
  User,
} from '@mp/contracts';
import { RpcClient } from '@mp/platform';
import { z } from 'zod';
import { Dialect } from '../dialects/dialect.decorator';
import { ADMIN_DIALECT } from './admin.dialect';
import { ZodPipe } from '../http/zod-validation.pipe';

const uuidParam = (name: string) => new ZodPipe(z.uuid({ error: `${name} must be a UUID` }));

/** Tenancy administration: teams, users and keys (plaintext keys are shown once, at creation). */
@Controller('admin/v1/teams')
@Dialect(ADMIN_DIALECT)
export class AdminController {
  constructor(private readonly rpc: RpcClient) {}

  @Post()
  @HttpCode(201)
  createTeam(@Body(new ZodPipe(createTeamBodySchema)) body: CreateTeamBody): Promise<Team> {
    return this.rpc.request('billing.team.create', body);
  }

  @Get()
  listTeams(): Promise<{ teams: Team[] }> {
    return this.rpc.request('billing.team.list', {});
  }

  @Get(':teamId')
  getTeam(@Param('teamId', uuidParam('teamId')) teamId: string): Promise<Team> {
    return this.rpc.request('billing.team.get', { team_id: teamId });
  }

  @Post(':teamId/users')
  @HttpCode(201)
  createUser(
    @Param('teamId', uuidParam('teamId')) teamId: string,
    @Body(new ZodPipe(createUserBodySchema)) body: CreateUserBody,
  ): Promise<User> {
    return this.rpc.request('billing.user.create', { ...body, team_id: teamId });
  }

  @Get(':teamId/users')
  listUsers(@Param('teamId', uuidParam('teamId')) teamId: string): Promise<{ users: User[] }> {
    return this.rpc.request('billing.user.list', { team_id: teamId });
  }

  @Post(':teamId/api-keys')
  @HttpCode(201)
  async createKey(
    @Param('teamId', uuidParam('teamId')) teamId: string,
    @Body(new ZodPipe(createApiKeyBodySchema)) body: CreateApiKeyBody,
  ): Promise<CreatedApiKey> {
    return this.rpc.request('billing.key.create', {
      team_id: teamId,
      kind: body.kind,
      name: body.name,
      user_id: body.user_id,
    });
  }

  @Get(':teamId/api-keys')
  listKeys(@Param('teamId', uuidParam('teamId')) teamId: string): Promise<{ keys: ApiKeySummary[] }> {
    return this.rpc.request('billing.key.list', { team_id: teamId });
  }

  @Delete(':teamId/api-keys/:keyId')
  revokeKey(
    @Param('teamId', uuidParam('teamId')) teamId: string,
    @Param('keyId', uuidParam('keyId')) keyId: string,
  ): Promise<ApiKeySummary> {
    return this.rpc.request('billing.key.revoke', { team_id: teamId, key_id: keyId });
  }
}
