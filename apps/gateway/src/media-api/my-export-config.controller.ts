import { Controller, Get, Query } from '@nestjs/common';
import { EffectiveExportConfiguration, effectiveExportConfigurationQuerySchema } from '@mp/contracts';
import { Dialect } from '../dialects/dialect.decorator';
import { ExportOwnerRef } from './export-config-access.service';
import { ExportConfigRoutes } from './export-config.routes';
import { ExportOwnerClaim } from './export-owner-claim.param';
import { MEDIA_API_DIALECT } from './media-api.dialect';
import { CurrentMediaUser, MediaPrincipal } from './media-principal';
import { MediaValidationPipe } from './media-validation.pipe';

const effectiveQuery = new MediaValidationPipe(effectiveExportConfigurationQuerySchema, 'query');

/** The caller's own export configuration (`me`), and the one that applies to them now. */
@Controller('api/v1/users/me/export-configuration')
@Dialect(MEDIA_API_DIALECT)
export class MyExportConfigController extends ExportConfigRoutes {
  protected readonly deletedMessage = 'Export configuration deleted successfully';

  protected ownerOf({ caller }: ExportOwnerClaim): ExportOwnerRef {
    return { team_id: caller.team_id, user_id: caller.user_id, organization_id: null };
  }

  /** Not in the seed: what applies to the caller now (organisation → user → WebP default). */
  @Get('effective')
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
}
