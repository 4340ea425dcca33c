import { Body, Controller, Delete, Get, HttpCode, Post } from '@nestjs/common';
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
import { Dialect } from '../dialects/dialect.decorator';
import { ADMIN_DIALECT } from './admin.dialect';
import { ZodPipe } from '../http/zod-validation.pipe';
import { AdminIds, AdminIdsParam } from './admin-ids.param';

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
  getTeam(@AdminIdsParam() ids: AdminIds): Promise<Team> {
    return this.rpc.request('billing.team.get', ids);
  }

  @Post(':teamId/users')
  @HttpCode(201)
  createUser(
    @AdminIdsParam() ids: AdminIds,
    @Body(new ZodPipe(createUserBodySchema)) body: CreateUserBody,
  ): Promise<User> {
    return this.rpc.request('billing.user.create', { ...body, ...ids });
  }

  @Get(':teamId/users')
  listUsers(@AdminIdsParam() ids: AdminIds): Promise<{ users: User[] }> {
    return this.rpc.request('billing.user.list', ids);
  }

  @Post(':teamId/api-keys')
  @HttpCode(201)
  async createKey(
    @AdminIdsParam() ids: AdminIds,
    @Body(new ZodPipe(createApiKeyBodySchema)) body: CreateApiKeyBody,
  ): Promise<CreatedApiKey> {
    return this.rpc.request('billing.key.create', { ...ids, kind: body.kind, name: body.name, user_id: body.user_id });
  }

  @Get(':teamId/api-keys')
  listKeys(@AdminIdsParam() ids: AdminIds): Promise<{ keys: ApiKeySummary[] }> {
    return this.rpc.request('billing.key.list', ids);
  }

  @Delete(':teamId/api-keys/:keyId')
  revokeKey(@AdminIdsParam() ids: AdminIds<'key_id'>): Promise<ApiKeySummary> {
    return this.rpc.request('billing.key.revoke', ids);
  }
}
