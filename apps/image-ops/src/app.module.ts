import { DynamicModule, Module } from '@nestjs/common';
import { PlatformModule } from '@mp/platform';
import { ImageOpsConfig } from './app.config';
import { migrations } from './migrations';

export const APP_NAME = 'image-ops';
export const DB_SCHEMA = 'imageops';

@Module({})
export class ImageOpsAppModule {
  static register(config: ImageOpsConfig): DynamicModule {
    return {
      module: ImageOpsAppModule,
      imports: [
        PlatformModule.forRoot({
          app: APP_NAME,
          config,
          database: { schema: DB_SCHEMA, entities: [], migrations },
          queues: {},
        }),
      ],
    };
  }
}
