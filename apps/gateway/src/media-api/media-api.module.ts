import { Module } from '@nestjs/common';
import { AccessTokenService } from './access-token.service';
import { AccountStatusCache } from './account-status.cache';
import { BearerTokenGuard } from './bearer-token.guard';
import { BulkUploadZipReceiver } from './bulk-upload-zip.receiver';
import { BulkUploadController } from './bulk-upload.controller';
import { ExportConfigAccess } from './export-config-access.service';
import { FileServingController } from './file-serving.controller';
import { FileServingService } from './file-serving.service';
import { SourceHeadCache } from './source-head.cache';
import { LoginController } from './login.controller';
import { LoraUploadReceiver } from './lora-upload.receiver';
import { MediaResourcesController } from './media-resources.controller';
import { MyExportConfigController } from './my-export-config.controller';
import { OrganizationExportConfigController } from './organization-export-config.controller';
import { MediaUploadsController } from './uploads.controller';
import { UserExportConfigController } from './user-export-config.controller';

/** Seed 003 (FastAPI-style media API): login, uploads, file serving, export configuration, media resources, products bulk upload. */
@Module({
  controllers: [
    LoginController,
    MediaUploadsController,
    FileServingController,
    MyExportConfigController,
    OrganizationExportConfigController,
    UserExportConfigController,
    MediaResourcesController,
    BulkUploadController,
  ],
  providers: [
    AccessTokenService,
    AccountStatusCache,
    BearerTokenGuard,
    ExportConfigAccess,
    FileServingService,
    SourceHeadCache,
    LoraUploadReceiver,
    BulkUploadZipReceiver,
  ],
})
export class MediaApiModule {}
