import { Body, Controller, Delete, HttpCode, Patch, Post } from '@nestjs/common';
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
import { Dialect } from '../dialects/dialect.decorator';
import { ADMIN_DIALECT } from './admin.dialect';
import { ZodPipe } from '../http/zod-validation.pipe';
import { AdminIds, AdminIdsParam } from './admin-ids.param';

/** Admin API for seed 003: password accounts (superuser flag, deactivation), organisations and members. */
@Controller('admin/v1/teams/:teamId')
@Dialect(ADMIN_DIALECT)
export class AdminAccountsController {
  constructor(private readonly rpc: RpcClient) {}

  @Post('accounts')
  @HttpCode(201)
  createAccount(
    @AdminIdsParam() ids: AdminIds,
    @Body(new ZodPipe(createMediaAccountBodySchema)) body: CreateMediaAccountBody,
  ): Promise<MediaAccount> {
    return this.rpc.request('billing.account.create', { ...body, ...ids });
  }

  @Patch('accounts/:userId')
  updateAccount(
    @AdminIdsParam() ids: AdminIds<'user_id'>,
    @Body(new ZodPipe(updateMediaAccountBodySchema)) body: UpdateMediaAccountBody,
  ): Promise<MediaAccount> {
    return this.rpc.request('billing.account.update', { ...body, ...ids });
  }

  @Post('organizations')
  @HttpCode(201)
  createOrganization(
    @AdminIdsParam() ids: AdminIds,
    @Body(new ZodPipe(createOrganizationBodySchema)) body: CreateOrganizationBody,
  ): Promise<Organization> {
    return this.rpc.request('billing.organization.create', { ...body, ...ids });
  }

  @Post('organizations/:orgId/members')
  @HttpCode(201)
  addMember(
    @AdminIdsParam() ids: AdminIds<'organization_id'>,
    @Body(new ZodPipe(addOrganizationMemberBodySchema)) body: AddOrganizationMemberBody,
  ): Promise<Organization> {
    return this.rpc.request('billing.organization.member-add', { ...ids, user_id: body.user_id });
  }

  @Delete('organizations/:orgId/members/:userId')
  removeMember(@AdminIdsParam() ids: AdminIds<'organization_id' | 'user_id'>): Promise<Organization> {
    return this.rpc.request('billing.organization.member-remove', ids);
  }
}
