import { DynamicModule, Module } from '@nestjs/common';
import { serviceModule } from '@mp/platform';
import { StorageModule } from '@mp/storage';
import { ImageOpsConfig } from './app.config';
import { VariantConversionService } from './conversion/variant-conversion.service';
import { ImageDeleteRepository } from './deletes/image-delete.repository';
import { ImageDeleteService } from './deletes/image-delete.service';
import { ImageObjectRemover } from './deletes/image-object.remover';
import { ImageJobEnqueuer } from './execution/image-job.enqueuer';
import { OperationExecService } from './execution/operation-exec.service';
import { OperationRunner } from './execution/operation-runner';
import { OperationQueuePlanner } from './execution/operation-queue.planner';
import { ImageJobClaimRepository } from './execution/image-job-claim.repository';
import { QueueItemRepository } from './execution/queue-item.repository';
import { imageEngineProvider } from './imaging/image-engine.provider';
import { CollectImageOrphansProcessor } from './jobs/collect-image-orphans.processor';
import { ImageJobStageMetrics } from './execution/job-stage-metrics';
import { RedriveImageQueueProcessor } from './jobs/redrive-image-queue.processor';
import { RunImageDeleteProcessor } from './jobs/run-image-delete.processor';
import { RunImageOperationProcessor } from './jobs/run-image-operation.processor';
import { migrations } from './migrations';
import { DerivedFileCleaner } from './operations/derived-file.cleaner';
import { OperationRepository } from './operations/operation.repository';
import { OperationService } from './operations/operation.service';
import { AppSettingsRepository } from './realtime/app-settings.repository';
import { PublicImageRepository } from './realtime/public-image.repository';
import { OnRequestStageMetrics } from './realtime/on-request-stage-metrics';
import { PublicImageService } from './realtime/public-image.service';
import { RealtimeUserService } from './realtime/realtime-user.service';
import { FolderService } from './tree/folder.service';
import { ImageTreeRepository } from './tree/image-tree.repository';
import { ImageUploadService } from './uploads/image-upload.service';
import { ZipExpander } from './uploads/zip-expander';

export const APP_NAME = 'image-ops';
export const DB_SCHEMA = 'imageops';

@Module({})
export class ImageOpsAppModule {
  static register(config: ImageOpsConfig): DynamicModule {
    return serviceModule(
      ImageOpsAppModule,
      {
        app: APP_NAME,
        config,
        database: { schema: DB_SCHEMA, entities: [], migrations },
        queues: {
          concurrency: { 'image-ops': config.IMAGE_WORKER_CONCURRENCY },
          retry: {
            RunImageOperation: { attempts: config.IMAGE_JOB_ATTEMPTS },
            RunImageDelete: { attempts: config.IMAGE_JOB_ATTEMPTS },
          },
        },
      },
      {
        imports: [StorageModule.forRoot({ settings: config, ensureBucket: true, readinessCheck: true })],
        providers: [
          OnRequestStageMetrics,
          VariantConversionService,
          imageEngineProvider,
          ImageTreeRepository,
          FolderService,
          ImageUploadService,
          OperationRepository,
          OperationService,
          DerivedFileCleaner,
          QueueItemRepository,
          ImageJobClaimRepository,
          ImageJobStageMetrics,
          OperationQueuePlanner,
          OperationExecService,
          RunImageOperationProcessor,
          ImageJobEnqueuer,
          OperationRunner,
          ImageDeleteRepository,
          ImageObjectRemover,
          ImageDeleteService,
          RunImageDeleteProcessor,
          RedriveImageQueueProcessor,
          CollectImageOrphansProcessor,
          AppSettingsRepository,
          RealtimeUserService,
          PublicImageRepository,
          PublicImageService,
          ZipExpander,
        ],
      },
    );
  }
}
