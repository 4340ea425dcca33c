import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import {
  EffectiveExportConfiguration,
  effectiveExportConfigurationQuerySchema,
  ExportConfiguration,
  ExportConfigurationCreate,
  exportConfigurationCreateSchema,
  ExportConfigurationUpdate,
  exportConfigurationUpdateSchema,
} from '@mp/contracts';
import { RpcClient } from '@mp/platform';
import { z } from 'zod';
import { ExportConfigAccess, ExportOwnerRef } from './export-config-access.service';
import { CurrentMediaUser, MediaPrincipal } from './media-principal';
import { MediaValidationPipe } from './media-validation.pipe';
import { Dialect } from '../dialects/dialect.decorator';
import { MEDIA_API_DIALECT } from './media-api.dialect';

const uuidPath = new MediaValidationPipe(z.uuid({ error: 'Input should be a valid UUID' }), 'path');
const createBody = new MediaValidationPipe(
  exportConfigurationCreateSchema.optional().transform((b) => b ?? exportConfigurationCreateSchema.parse({})),
);
const updateBody = new MediaValidationPipe(exportConfigurationUpdateSchema);
const effectiveQuery = new MediaValidationPipe(effectiveExportConfigurationQuerySchema, 'query');

/**
 * Seed 003 export configuration for `me`, `{user_id}` and `organizations/{org_id}`. Static segments
 * (`me`, `organizations`) win over `{user_id}` in the router.
 */
@Controller('api/v1/users')
@Dialect(MEDIA_API_DIALECT)
export class ExportConfigController {
  constructor(
    private readonly rpc: RpcClient,
    private readonly access: ExportConfigAccess,
  ) {}

  @Get('me/export-configuration')
  getMine(@CurrentMediaUser() user: MediaPrincipal): Promise<ExportConfiguration> {
    return this.rpc.request('files.export-config.get', mine(user));
  }

  @Post('me/export-configuration')
  @HttpCode(200)
  createMine(
    @CurrentMediaUser() user: MediaPrincipal,
    @Body(createBody) body: ExportConfigurationCreate,
  ): Promise<ExportConfiguration> {
    return this.rpc.request('files.export-config.create', { ...mine(user), ...body });
  }

  @Patch('me/export-configuration')
  updateMine(
    @CurrentMediaUser() user: MediaPrincipal,
    @Body(updateBody) body: ExportConfigurationUpdate,
  ): Promise<ExportConfiguration> {
    return this.rpc.request('files.export-config.update', { ...mine(user), ...body });
  }

  @Delete('me/export-configuration')
  @HttpCode(200)
  async deleteMine(@CurrentMediaUser() user: MediaPrincipal): Promise<{ message: string }> {
    await this.rpc.request('files.export-config.delete', mine(user));
    return { message: 'Export configuration deleted successfully' };
  }

  /** Not in the seed: what applies to the caller now (organisation → user → WebP default). */
  @Get('me/export-configuration/effective')
  effective(
    @CurrentMediaUser() user: MediaPrincipal,
    @Query(effectiveQuery) query: { organization_id?: string },
  ): Promise<EffectiveExportConfiguration> {
    const organizations = query.organization_id
      ? user.organization_ids.filter((id) => id === query.organization_id)
      : user.organization_ids;
    return this.rpc.request('files.export-config.resolve', {
      team_id: user.team_id,
      user_id: user.user_id,
      organization_ids: organizations,
    });
  }

  @Get('organizations/:org_id/export-configuration')
  async getOrganization(
    @CurrentMediaUser() user: MediaPrincipal,
    @Param('org_id', uuidPath) orgId: string,
  ): Promise<ExportConfiguration> {
    return this.rpc.request('files.export-config.get', await this.access.forOrganization(user, orgId));
  }

  @Post('organizations/:org_id/export-configuration')
  @HttpCode(200)
  async createOrganization(
    @CurrentMediaUser() user: MediaPrincipal,
    @Param('org_id', uuidPath) orgId: string,
    @Body(createBody) body: ExportConfigurationCreate,
  ): Promise<ExportConfiguration> {
    return this.rpc.request('files.export-config.create', {
      ...(await this.access.forOrganization(user, orgId)),
      ...body,
    });
  }

  @Patch('organizations/:org_id/export-configuration')
  async updateOrganization(
    @CurrentMediaUser() user: MediaPrincipal,
    @Param('org_id', uuidPath) orgId: string,
    @Body(updateBody) body: ExportConfigurationUpdate,
  ): Promise<ExportConfiguration> {
    return this.rpc.request('files.export-config.update', {
      ...(await this.access.forOrganization(user, orgId)),
      ...body,
    });
  }

  @Delete('organizations/:org_id/export-configuration')
  @HttpCode(200)
  async deleteOrganization(
    @CurrentMediaUser() user: MediaPrincipal,
    @Param('org_id', uuidPath) orgId: string,
  ): Promise<{ message: string }> {
    await this.rpc.request('files.export-config.delete', await this.access.forOrganization(user, orgId));
    return { message: 'Organization export configuration deleted successfully' };
  }

  @Get(':user_id/export-configuration')
  async getUser(
    @CurrentMediaUser() user: MediaPrincipal,
    @Param('user_id', uuidPath) userId: string,
  ): Promise<ExportConfiguration> {
    return this.rpc.request('files.export-config.get', await this.access.forUser(user, userId));
  }

  @Post(':user_id/export-configuration')
  @HttpCode(200)
  async createUser(
    @CurrentMediaUser() user: MediaPrincipal,
    @Param('user_id', uuidPath) userId: string,
    @Body(createBody) body: ExportConfigurationCreate,
  ): Promise<ExportConfiguration> {
    return this.rpc.request('files.export-config.create', { ...(await this.access.forUser(user, userId)), ...body });
  }

  @Patch(':user_id/export-configuration')
  async updateUser(
    @CurrentMediaUser() user: MediaPrincipal,
    @Param('user_id', uuidPath) userId: string,
    @Body(updateBody) body: ExportConfigurationUpdate,
  ): Promise<ExportConfiguration> {
    return this.rpc.request('files.export-config.update', { ...(await this.access.forUser(user, userId)), ...body });
  }

  @Delete(':user_id/export-configuration')
  @HttpCode(200)
  async deleteUser(
    @CurrentMediaUser() user: MediaPrincipal,
    @Param('user_id', uuidPath) userId: string,
  ): Promise<{ message: string }> {
    await this.rpc.request('files.export-config.delete', await this.access.forUser(user, userId));
    return { message: 'Export configuration deleted successfully' };
  }
}

function mine(user: MediaPrincipal): ExportOwnerRef {
  return { team_id: user.team_id, user_id: user.user_id, organization_id: null };
}
