import { DynamicModule, Module } from '@nestjs/common';
import { PlatformModule } from '@mp/platform';
import { GenerationBrokerConfig } from './app.config';
import { migrations } from './migrations';

export const APP_NAME = 'generation-broker';
export const DB_SCHEMA = 'generation';

@Module({})
export class GenerationBrokerAppModule {
  static register(config: GenerationBrokerConfig): DynamicModule {
    return {
      module: GenerationBrokerAppModule,
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
