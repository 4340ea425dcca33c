import { DynamicModule, Module } from '@nestjs/common';
import { PlatformModule } from '@mp/platform';
import { NotifierConfig } from './app.config';
import { migrations } from './migrations';

export const APP_NAME = 'notifier';
export const DB_SCHEMA = 'notifier';

@Module({})
export class NotifierAppModule {
  static register(config: NotifierConfig): DynamicModule {
    return {
      module: NotifierAppModule,
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
