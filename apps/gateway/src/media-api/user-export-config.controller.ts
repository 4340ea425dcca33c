import { Controller } from '@nestjs/common';
import { ExportOwnerRef } from './export-config-access.service';
import { ExportConfigRoutes } from './export-config.routes';
import { ExportOwnerClaim } from './export-owner-claim.param';

/**
 * A user's export configuration by id: their own, or any of the team's for a superuser. The static
 * `me` and `organizations` segments win over `{user_id}` in the router.
 */
@Controller('api/v1/users/:user_id/export-configuration')
export class UserExportConfigController extends ExportConfigRoutes {
  protected readonly deletedMessage = 'Export configuration deleted successfully';

  protected ownerOf({ caller, ownerId }: ExportOwnerClaim): Promise<ExportOwnerRef> {
    return this.access.forUser(caller, ownerId!);
  }
}
