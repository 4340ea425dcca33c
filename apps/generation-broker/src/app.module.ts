import { DynamicModule, Module } from '@nestjs/common';
import { HOST_RESOLVER, HostResolver, systemHostResolver } from '@mp/outbound';
import { serviceModule } from '@mp/platform';
import { StorageModule } from '@mp/storage';
import { GenerationBrokerConfig } from './app.config';
import { GENERATION_CONFIG, PROVIDER_REGISTRY } from './generation/generation.config';
import { GenerationOutputStore } from './generation/generation-outputs.store';
import { GenerationRunner } from './generation/generation-runner';
import { ImageGenerationService } from './generation/image-generation.service';
import { ReferenceLoader } from './generation/reference-loader';
import { RunPredictionProcessor } from './jobs/run-prediction.processor';
import { migrations } from './migrations';
import { PredictionModelCatalog } from './predictions/prediction-model-catalog';
import { PredictionRepository } from './predictions/prediction.repository';
import { PredictionView } from './predictions/prediction-view';
import { PredictionWebhooks } from './predictions/prediction-webhooks';
import { PredictionsService } from './predictions/predictions.service';
import { ReferenceAvailability } from './predictions/reference-availability';
import { createProviderRegistry } from './providers';

export const APP_NAME = 'generation-broker';
export const DB_SCHEMA = 'generation';

@Module({})
export class GenerationBrokerAppModule {
  static register(config: GenerationBrokerConfig): DynamicModule {
    return serviceModule(
      GenerationBrokerAppModule,
      {
        app: APP_NAME,
        config,
        database: { schema: DB_SCHEMA, entities: [], migrations },
        queues: { concurrency: { generations: config.PREDICTION_WORKER_CONCURRENCY } },
      },
      {
        imports: [StorageModule.forRoot({ settings: config, readinessCheck: true })],
        providers: [
          { provide: GENERATION_CONFIG, useValue: config },
          { provide: HOST_RESOLVER, useValue: systemHostResolver },
          {
            provide: PROVIDER_REGISTRY,
            inject: [HOST_RESOLVER],
            useFactory: (resolve: HostResolver) => createProviderRegistry(config, resolve),
          },
          ReferenceLoader,
          GenerationOutputStore,
          GenerationRunner,
          ImageGenerationService,
          PredictionRepository,
          PredictionModelCatalog,
          PredictionView,
          PredictionWebhooks,
          PredictionsService,
          ReferenceAvailability,
          RunPredictionProcessor,
        ],
      },
    );
  }
}
