import { DynamicModule, Module } from '@nestjs/common';
import { serviceModule } from '@mp/platform';
import { NotifierConfig } from './app.config';
import { CallbackDeliverer } from './deliveries/callback-deliverer.service';
import { CallbackMetrics } from './deliveries/callback-metrics';
import { DeliveryAttemptEntity } from './deliveries/delivery-attempt.entity';
import { DeliveryEntity } from './deliveries/delivery.entity';
import { DeliveryIntakeService } from './deliveries/delivery-intake.service';
import { DeliveryLogService } from './deliveries/delivery-log.service';
import { DeliveryRepository } from './deliveries/delivery.repository';
import { DeliveryScheduler } from './deliveries/delivery-scheduler';
import { DeliverCallbackProcessor } from './jobs/deliver-callback.processor';
import { SweepCallbacksProcessor } from './jobs/sweep-callbacks.processor';
import { migrations } from './migrations';
import { HOST_RESOLVER, systemHostResolver } from '@mp/outbound';
import { CallbackSecretService } from './secrets/callback-secret.service';
import { secretCipherProvider } from './secrets/secret-cipher.provider';
import { TeamSecretEntity } from './secrets/team-secret.entity';
import { TeamSecretRepository } from './secrets/team-secret.repository';

export const APP_NAME = 'notifier';
export const DB_SCHEMA = 'notifier';

/** Every outbound callback of the platform: SSRF guard, signature, retries, delivery log. */
@Module({})
export class NotifierAppModule {
  static register(config: NotifierConfig): DynamicModule {
    return serviceModule(
      NotifierAppModule,
      {
        app: APP_NAME,
        config,
        database: {
          schema: DB_SCHEMA,
          entities: [DeliveryEntity, DeliveryAttemptEntity, TeamSecretEntity],
          migrations,
        },
        queues: { concurrency: { callbacks: config.CALLBACK_CONCURRENCY } },
      },
      {
        providers: [
          { provide: HOST_RESOLVER, useValue: systemHostResolver },
          secretCipherProvider,
          TeamSecretRepository,
          CallbackSecretService,
          DeliveryRepository,
          DeliveryScheduler,
          CallbackMetrics,
          CallbackDeliverer,
          DeliveryIntakeService,
          DeliveryLogService,
          DeliverCallbackProcessor,
          SweepCallbacksProcessor,
        ],
      },
    );
  }
}
