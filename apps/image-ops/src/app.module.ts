import { DynamicModule, Module } from '@nestjs/common';
import { PlatformModule } from '@mp/platform';
import { ImageOpsConfig } from './app.config';
import { VariantConversionService } from './conversion/variant-conversion.service';
import { ImageDeleteRepository } from './deletes/image-delete.repository';
import { ImageDeleteService } from './deletes/image-delete.service';
import { ImageObjectRemover } from './deletes/image-object.remover';
import { ImageJobEnqueuer } from './execution/image-job.enqueuer';
import { OperationExecService } from './execution/operation-exec.service';
import { OperationRunner } from './execution/operation-runner';
import { OperationQueuePlanner } from './execution/operation-queue.planner';
import { QueueItemRepository } from './execution/queue-item.repository';
import { imageEngineProvider } from './imaging/image-engine.provider';
import { RedriveImageQueueProcessor } from './jobs/redrive-image-queue.processor';
import { RunImageDeleteProcessor } from './jobs/run-image-delete.processor';
import { RunImageOperationProcessor } from './jobs/run-image-operation.processor';
import { migrations } from './migrations';
import { DerivedFileCleaner } from './operations/derived-file.cleaner';
import { OperationRepository } from './operations/operation.repository';
import { OperationService } from './operations/operation.service';
import { AppSettingsRepository } from './realtime/app-settings.repository';
import { PublicImageService } from './realtime/public-image.service';
import { RealtimeUserService } from './realtime/realtime-user.service';
import { objectStorageProvider } from './storage/object-storage.provider';
import { FolderService } from './tree/folder.service';
import { ImageTreeRepository } from './tree/image-tree.repository';
import { ImageUploadService } from './uploads/image-upload.service';
import { ZipExpander } from './uploads/zip-expander';

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
          queues: { concurrency: { 'image-ops': config.IMAGE_WORKER_CONCURRENCY } },
        }),
      ],
      providers: [
        objectStorageProvider,
        VariantConversionService,
        imageEngineProvider,
        ImageTreeRepository,
        FolderService,
        ImageUploadService,
        OperationRepository,
        OperationService,
        DerivedFileCleaner,
        QueueItemRepository,
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
        AppSettingsRepository,
        RealtimeUserService,
        PublicImageService,
        ZipExpander,
      ],
    };
  }
}
