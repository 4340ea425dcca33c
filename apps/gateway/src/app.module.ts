import { DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { PlatformModule } from '@mp/platform';
import { AdminController } from './admin/admin.controller';
import { GatewayConfig } from './app.config';
import { AdminTokenGuard } from './auth/admin-token.guard';
import { CdtKeyGuard } from './auth/cdt-key.guard';
import { KeyAuthenticator } from './auth/key-authenticator.service';
import { DocsController } from './docs/docs.controller';
import { DialectExceptionFilter } from './errors/dialect-exception.filter';
import { StorageFilesController } from './storage-api/storage-files.controller';

export const APP_NAME = 'gateway';

/** Public REST for every dialect; stateless — it reaches services over NATS and never their tables. */
@Module({})
export class GatewayAppModule {
  static register(config: GatewayConfig): DynamicModule {
    return {
      module: GatewayAppModule,
      imports: [PlatformModule.forRoot({ app: APP_NAME, config })],
      controllers: [AdminController, StorageFilesController, DocsController],
      providers: [KeyAuthenticator, CdtKeyGuard, AdminTokenGuard, { provide: APP_FILTER, useClass: DialectExceptionFilter }],
    };
  }
}
