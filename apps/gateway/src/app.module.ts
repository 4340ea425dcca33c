import { DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { PlatformModule } from '@mp/platform';
import { AdminCallbacksController } from './admin/admin-callbacks.controller';
import { AdminController } from './admin/admin.controller';
import { StorageQuotaAdminController } from './admin/storage-quota-admin.controller';
import { GatewayConfig } from './app.config';
import { AdminTokenGuard } from './auth/admin-token.guard';
import { CdtKeyGuard } from './auth/cdt-key.guard';
import { KeyAuthenticator } from './auth/key-authenticator.service';
import { DocsController } from './docs/docs.controller';
import { DialectExceptionFilter } from './errors/dialect-exception.filter';
import { GatewayHttpModule } from './http/gateway-http.module';
import { ImageBodyParsers } from './image-api/image-body-parsers';
import { ImageDeletesController } from './image-api/image-deletes.controller';
import { ImageFoldersController } from './image-api/image-folders.controller';
import { ImageKeyGuard } from './image-api/image-key.guard';
import { ImageOperationsController } from './image-api/image-operations.controller';
import { ImagePublicController } from './image-api/image-public.controller';
import { ImageUploadsController } from './image-api/image-uploads.controller';
import { ImageUsersController } from './image-api/image-users.controller';
import { MediaApiModule } from './media-api/media-api.module';
import { MediaResourcesApiModule } from './media-resources-api/media-resources-api.module';
import { RateLimitModule } from './rate-limit/rate-limit.module';
import { S3FilesService } from './s3-proxy/s3-files.service';
import { S3KeyGuard } from './s3-proxy/s3-key.guard';
import { S3ProxyController } from './s3-proxy/s3-proxy.controller';
import { S3UploadService } from './s3-proxy/s3-upload.service';
import { StorageFileController } from './storage-api/storage-file.controller';
import { StorageFilesController } from './storage-api/storage-files.controller';
import { StorageSearchMetaController } from './storage-api/storage-search-meta.controller';

export const APP_NAME = 'gateway';

/** Public REST for every dialect; stateless — it reaches services over NATS and never their tables. */
@Module({})
export class GatewayAppModule {
  static register(config: GatewayConfig): DynamicModule {
    return {
      module: GatewayAppModule,
      imports: [
        PlatformModule.forRoot({ app: APP_NAME, config }),
        GatewayHttpModule,
        MediaApiModule,
        MediaResourcesApiModule,
        RateLimitModule,
      ],
      controllers: [
        AdminController,
        AdminCallbacksController,
        StorageFilesController,
        StorageSearchMetaController,
        StorageFileController,
        DocsController,
        S3ProxyController,
        StorageQuotaAdminController,
        ImageFoldersController,
        ImageUploadsController,
        ImageOperationsController,
        ImageDeletesController,
        ImageUsersController,
        ImagePublicController,
      ],
      providers: [
        KeyAuthenticator,
        CdtKeyGuard,
        AdminTokenGuard,
        { provide: APP_FILTER, useClass: DialectExceptionFilter },
        S3KeyGuard,
        S3UploadService,
        S3FilesService,
        ImageKeyGuard,
        ImageBodyParsers,
      ],
    };
  }
}
