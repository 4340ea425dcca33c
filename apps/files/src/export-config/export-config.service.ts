import { Injectable } from '@nestjs/common';
import { DomainError, EffectiveExportConfiguration, ExportConfiguration, RpcParsedRequest } from '@mp/contracts';
import { RpcHandler } from '@mp/platform';
import { resolveEffectiveExportConfig } from './effective-export-config';
import { ExportConfigRepository, ExportConfigRow, ExportOwner } from './export-config.repository';

/**
 * `files.export-config.*`: seed 003 export configurations. Who may act on which owner is decided by
 * the gateway (it knows the caller's account and memberships); here every call is team-scoped.
 */
@Injectable()
export class ExportConfigService {
  constructor(private readonly configs: ExportConfigRepository) {}

  @RpcHandler('files.export-config.get')
  async get(request: RpcParsedRequest<'files.export-config.get'>): Promise<ExportConfiguration> {
    return toPublic((await this.configs.find(ownerOf(request))) ?? notFound(request));
  }

  @RpcHandler('files.export-config.create')
  async create(request: RpcParsedRequest<'files.export-config.create'>): Promise<ExportConfiguration> {
    const created = await this.configs.insert(ownerOf(request), {
      image_format: request.image_format,
      metadata_adapter: request.metadata_adapter,
    });
    if (!created) {
      const whose = request.organization_id ? 'Organization' : 'User';
      throw new DomainError('Conflict', `${whose} already has an export configuration`, {
        organization_id: request.organization_id,
      });
    }
    return toPublic(created);
  }

  @RpcHandler('files.export-config.update')
  async update(request: RpcParsedRequest<'files.export-config.update'>): Promise<ExportConfiguration> {
    const updated = await this.configs.update(ownerOf(request), {
      image_format: request.image_format,
      metadata_adapter: request.metadata_adapter,
    });
    return toPublic(updated ?? notFound(request));
  }

  @RpcHandler('files.export-config.delete')
  async delete(request: RpcParsedRequest<'files.export-config.delete'>): Promise<{ deleted: true }> {
    if (!(await this.configs.delete(ownerOf(request)))) notFound(request);
    return { deleted: true };
  }

  @RpcHandler('files.export-config.resolve')
  async resolve(request: RpcParsedRequest<'files.export-config.resolve'>): Promise<EffectiveExportConfiguration> {
    const candidates = await this.configs.candidates(request.team_id, request.user_id, request.organization_ids);
    return resolveEffectiveExportConfig(candidates, request.user_id, request.organization_ids);
  }
}

function ownerOf(request: ExportOwner): ExportOwner {
  return { team_id: request.team_id, user_id: request.user_id, organization_id: request.organization_id };
}

function notFound(owner: ExportOwner): never {
  throw new DomainError(
    'NotFound',
    owner.organization_id ? 'Organization export configuration not found' : 'Export configuration not found',
    {
      organization_id: owner.organization_id,
    },
  );
}

function toPublic(row: ExportConfigRow): ExportConfiguration {
  return {
    id: row.id,
    created_at: new Date(row.created_at).toISOString(),
    updated_at: new Date(row.updated_at).toISOString(),
    user_id: row.user_id,
    organization_id: row.organization_id,
    metadata_adapter: row.metadata_adapter,
    image_format: row.image_format,
  };
}
