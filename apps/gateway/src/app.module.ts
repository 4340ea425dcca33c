import { DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, APP_INTERCEPTOR } from '@nestjs/core';
import { serviceModule } from '@mp/platform';
import { StorageModule } from '@mp/storage';
import { AdminModule } from './admin/admin.module';
import { GatewayConfig } from './app.config';
import { AuthModule } from './auth/auth.module';
import { BucketApiModule } from './bucket-api/bucket-api.module';
import { DocsController } from './docs/docs.controller';
import { DialectExceptionFilter } from './errors/dialect-exception.filter';
import { UnsafeTextInterceptor } from './http/unsafe-text.interceptor';
import { GenerationApiModule } from './generation-api/generation-api.module';
import { ImageApiModule } from './image-api/image-api.module';
import { MediaApiModule } from './media-api/media-api.module';
import { PredictionsApiModule } from './predictions-api/predictions-api.module';
import { GatewayHttpModule } from './http/gateway-http.module';
import { S3ApiModule } from './s3-api/s3-api.module';
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
    return serviceModule(
      GatewayAppModule,
      { app: APP_NAME, config, separateMetrics: { port: config.METRICS_PORT } },
      {
        imports: [
          // Not part of readiness: only the storage routes need the store, and they answer 503 while it is down.
          StorageModule.forRoot({ settings: config }),
          AuthModule,
          GatewayHttpModule,
          StorageApiModule,
          AdminModule,
          S3ProxyModule,
          S3ApiModule,
          ImageApiModule,
          MediaApiModule,
          GenerationApiModule,
          PredictionsApiModule,
          BucketApiModule,
        ],
        controllers: [DocsController],
        providers: [
          { provide: APP_FILTER, useClass: DialectExceptionFilter },
          { provide: APP_INTERCEPTOR, useClass: UnsafeTextInterceptor },
        ],
      },
    );
  }
}
