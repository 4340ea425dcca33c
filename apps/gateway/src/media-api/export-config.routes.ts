import { Body, Delete, Get, HttpCode, Patch, Post } from '@nestjs/common';
import {
  ExportConfiguration,
  ExportConfigurationCreate,
  exportConfigurationCreateSchema,
  ExportConfigurationUpdate,
  exportConfigurationUpdateSchema,
} from '@mp/contracts';
import { RpcClient } from '@mp/platform';
import { Dialect } from '../dialects/dialect.decorator';
import { ExportConfigAccess, ExportOwnerRef } from './export-config-access.service';
import { ExportOwner, ExportOwnerClaim } from './export-owner-claim.param';
import { MEDIA_API_DIALECT } from './media-api.dialect';
import { MediaValidationPipe } from './media-validation.pipe';

const createBody = new MediaValidationPipe(
  exportConfigurationCreateSchema.optional().transform((b) => b ?? exportConfigurationCreateSchema.parse({})),
);
const updateBody = new MediaValidationPipe(exportConfigurationUpdateSchema);

/**
 * Seed 003's four operations on one owner's export configuration (get, create, update, delete); a
 * controller says whose (`me`, `organizations/{org_id}`, `{user_id}`) and how access to it is checked.
 * The routes join the media dialect here, and so do the controllers' guard and error rendering; a
 * controller that adds routes of its own declares the dialect again for them.
 */
@Dialect(MEDIA_API_DIALECT)
export abstract class ExportConfigRoutes {
  constructor(
    protected readonly rpc: RpcClient,
    protected readonly access: ExportConfigAccess,
  ) {}

  /** What `message` the seed answers a delete with. */
  protected abstract readonly deletedMessage: string;

  /** The owner the caller may act on, or a Forbidden/NotFound DomainError. */
  protected abstract ownerOf(claim: ExportOwnerClaim): Promise<ExportOwnerRef> | ExportOwnerRef;

  @Get()
  async get(@ExportOwner() claim: ExportOwnerClaim): Promise<ExportConfiguration> {
    return this.rpc.request('files.export-config.get', await this.ownerOf(claim));
  }

  @Post()
  @HttpCode(200)
  async create(
    @ExportOwner() claim: ExportOwnerClaim,
    @Body(createBody) body: ExportConfigurationCreate,
  ): Promise<ExportConfiguration> {
    return this.rpc.request('files.export-config.create', { ...(await this.ownerOf(claim)), ...body });
  }

  @Patch()
  async update(
    @ExportOwner() claim: ExportOwnerClaim,
    @Body(updateBody) body: ExportConfigurationUpdate,
  ): Promise<ExportConfiguration> {
    return this.rpc.request('files.export-config.update', { ...(await this.ownerOf(claim)), ...body });
  }

  @Delete()
  @HttpCode(200)
  async delete(@ExportOwner() claim: ExportOwnerClaim): Promise<{ message: string }> {
    await this.rpc.request('files.export-config.delete', await this.ownerOf(claim));
    return { message: this.deletedMessage };
  }
}
