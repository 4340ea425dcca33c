import { Module } from '@nestjs/common';
import { AdminTokenGuard } from '../auth/admin-token.guard';
import { GatewayHttpModule } from '../http/gateway-http.module';
import { AccessTokenService } from './access-token.service';
import { AccountStatusCache } from './account-status.cache';
import { AdminAccountsController } from './admin-accounts.controller';
import { BearerTokenGuard } from './bearer-token.guard';
import { ExportConfigAccess } from './export-config-access.service';
import { ExportConfigController } from './export-config.controller';
import { FileServingController } from './file-serving.controller';
import { FileServingService } from './file-serving.service';
import { FormBodyParser } from './form-body.parser';
import { LoginController } from './login.controller';
import { LoraUploadReceiver } from './lora-upload.receiver';
import { MediaUploadsController } from './uploads.controller';

/** Seed 003 (FastAPI-style media API): login, presigned PUT, file serving, export configuration, its admin routes. */
@Module({
  imports: [GatewayHttpModule],
  controllers: [
    LoginController,
    MediaUploadsController,
    FileServingController,
    ExportConfigController,
    AdminAccountsController,
  ],
  providers: [
    AccessTokenService,
    AccountStatusCache,
    BearerTokenGuard,
    ExportConfigAccess,
    FileServingService,
    FormBodyParser,
    LoraUploadReceiver,
    AdminTokenGuard,
  ],
  exports: [AccessTokenService, AccountStatusCache, BearerTokenGuard],
})
export class MediaApiModule {}
