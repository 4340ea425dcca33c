import { DynamicModule, Module } from '@nestjs/common';
import { serviceModule } from '@mp/platform';
import { StorageModule } from '@mp/storage';
import { BucketsConfig } from './app.config';
import { BucketCorsService } from './buckets/bucket-cors.service';
import { BucketRepository } from './buckets/bucket.repository';
import { BucketService } from './buckets/bucket.service';
import { Clock } from './clock/clock';
import { ContainerService } from './containers/container.service';
import { ExpiredObjectRepository } from './lifecycle/expired-object.repository';
import { PolicyRepository } from './lifecycle/policy.repository';
import { PolicyService } from './lifecycle/policy.service';
import { SweepBucketLifecycleProcessor } from './lifecycle/sweep-bucket-lifecycle.processor';
import { migrations } from './migrations';
import { BulkDeleteService } from './objects/bulk-delete.service';
import { ObjectRepository } from './objects/object.repository';
import { ObjectService } from './objects/object.service';
import { OrphanBytes } from './objects/orphan-bytes';

export const APP_NAME = 'buckets';
export const DB_SCHEMA = 'buckets';

/** Buckets (Swift containers), their objects' records, CORS rules and lifecycle policies. */
@Module({})
export class BucketsAppModule {
  static register(config: BucketsConfig): DynamicModule {
    return serviceModule(
      BucketsAppModule,
      {
        app: APP_NAME,
        config,
        database: { schema: DB_SCHEMA, entities: [], migrations },
        queues: { concurrency: { 'bucket-lifecycle': 1 } },
      },
      {
        imports: [StorageModule.forRoot({ settings: config, ensureBucket: true, readinessCheck: true })],
        providers: [
          Clock,
          BucketRepository,
          BucketService,
          BucketCorsService,
          PolicyRepository,
          PolicyService,
          ObjectRepository,
          ObjectService,
          OrphanBytes,
          ContainerService,
          BulkDeleteService,
          ExpiredObjectRepository,
          SweepBucketLifecycleProcessor,
        ],
      },
    );
  }
}
