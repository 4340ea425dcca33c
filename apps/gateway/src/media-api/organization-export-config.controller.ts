import { Controller } from '@nestjs/common';
import { ExportOwnerRef } from './export-config-access.service';
import { ExportConfigRoutes } from './export-config.routes';
import { ExportOwnerClaim } from './export-owner-claim.param';

/** An organisation's export configuration: for its members and the team's superusers. */
@Controller('api/v1/users/organizations/:org_id/export-configuration')
export class OrganizationExportConfigController extends ExportConfigRoutes {
  protected readonly deletedMessage = 'Organization export configuration deleted successfully';

  protected ownerOf({ caller, ownerId }: ExportOwnerClaim): Promise<ExportOwnerRef> {
    return this.access.forOrganization(caller, ownerId!);
  }
}
