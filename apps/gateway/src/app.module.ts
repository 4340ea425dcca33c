import { DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { PlatformModule } from '@mp/platform';
import { AdminModule } from './admin/admin.module';
import { GatewayConfig } from './app.config';
import { AuthModule } from './auth/auth.module';
import { DocsController } from './docs/docs.controller';
import { DialectExceptionFilter } from './errors/dialect-exception.filter';
import { ImageApiModule } from './image-api/image-api.module';
import { MediaApiModule } from './media-api/media-api.module';
import { GatewayHttpModule } from './http/gateway-http.module';
import { S3ProxyModule } from './s3-proxy/s3-proxy.module';
import { StorageApiModule } from './storage-api/storage-api.module';

export const APP_NAME = 'gateway';

/**
 * Public REST for every dialect; stateless — it reaches services over NATS and never their tables.
 * Each dialect is one module whose controllers carry `@Dialect()`; errors, docs and rate limits
 * follow from that.
 */
@Module({})
export class GatewayAppModule {
  static register(config: GatewayConfig): DynamicModule {
    return {
      module: GatewayAppModule,
      imports: [
        PlatformModule.forRoot({ app: APP_NAME, config }),
        AuthModule,
        GatewayHttpModule,
        StorageApiModule,
        AdminModule,
        S3ProxyModule,
        ImageApiModule,
        MediaApiModule,
      ],
      controllers: [DocsController],
      providers: [{ provide: APP_FILTER, useClass: DialectExceptionFilter }],
    };
  }
}
