import { Body, Controller, Delete, HttpCode, Param, Patch, Post } from '@nestjs/common';
import {
  AddOrganizationMemberBody,
  addOrganizationMemberBodySchema,
  CreateMediaAccountBody,
  createMediaAccountBodySchema,
  CreateOrganizationBody,
  createOrganizationBodySchema,
  MediaAccount,
  Organization,
  UpdateMediaAccountBody,
  updateMediaAccountBodySchema,
} from '@mp/contracts';
import { RpcClient } from '@mp/platform';
import { z } from 'zod';
import { Dialect } from '../dialects/dialect.decorator';
import { ADMIN_DIALECT } from './admin.dialect';
import { ZodPipe } from '../http/zod-validation.pipe';

const uuidParam = (name: string) => new ZodPipe(z.uuid({ error: `${name} must be a UUID` }));

/** Admin API for seed 003: password accounts (superuser flag, deactivation), organisations and members. */
@Controller('admin/v1/teams/:teamId')
@Dialect(ADMIN_DIALECT)
export class AdminAccountsController {
  constructor(private readonly rpc: RpcClient) {}

  @Post('accounts')
  @HttpCode(201)
  createAccount(
    @Param('teamId', uuidParam('teamId')) teamId: string,
    @Body(new ZodPipe(createMediaAccountBodySchema)) body: CreateMediaAccountBody,
  ): Promise<MediaAccount> {
    return this.rpc.request('billing.account.create', { ...body, team_id: teamId });
  }

  @Patch('accounts/:userId')
  updateAccount(
    @Param('teamId', uuidParam('teamId')) teamId: string,
    @Param('userId', uuidParam('userId')) userId: string,
    @Body(new ZodPipe(updateMediaAccountBodySchema)) body: UpdateMediaAccountBody,
  ): Promise<MediaAccount> {
    return this.rpc.request('billing.account.update', { ...body, team_id: teamId, user_id: userId });
  }

  @Post('organizations')
  @HttpCode(201)
  createOrganization(
    @Param('teamId', uuidParam('teamId')) teamId: string,
    @Body(new ZodPipe(createOrganizationBodySchema)) body: CreateOrganizationBody,
  ): Promise<Organization> {
    return this.rpc.request('billing.organization.create', { ...body, team_id: teamId });
  }

  @Post('organizations/:orgId/members')
  @HttpCode(201)
  addMember(
    @Param('teamId', uuidParam('teamId')) teamId: string,
    @Param('orgId', uuidParam('orgId')) orgId: string,
    @Body(new ZodPipe(addOrganizationMemberBodySchema)) body: AddOrganizationMemberBody,
  ): Promise<Organization> {
    return this.rpc.request('billing.organization.member-add', {
      team_id: teamId,
      organization_id: orgId,
      user_id: body.user_id,
    });
  }

  @Delete('organizations/:orgId/members/:userId')
  removeMember(
    @Param('teamId', uuidParam('teamId')) teamId: string,
    @Param('orgId', uuidParam('orgId')) orgId: string,
    @Param('userId', uuidParam('userId')) userId: string,
  ): Promise<Organization> {
    return this.rpc.request('billing.organization.member-remove', {
      team_id: teamId,
      organization_id: orgId,
      user_id: userId,
    });
  }
}
