import { DynamicModule, Module } from '@nestjs/common';
import { PlatformModule } from '@mp/platform';
import { BucketsConfig } from './app.config';
import { migrations } from './migrations';

export const APP_NAME = 'buckets';
export const DB_SCHEMA = 'buckets';

@Module({})
export class BucketsAppModule {
  static register(config: BucketsConfig): DynamicModule {
    return {
      module: BucketsAppModule,
      imports: [
        PlatformModule.forRoot({
          app: APP_NAME,
          config,
          database: { schema: DB_SCHEMA, entities: [], migrations },
        }),
      ],
    };
  }
}
