import { DynamicModule, Module } from '@nestjs/common';
import { PlatformModule } from '@mp/platform';
import { ImageOpsConfig } from './app.config';
import { VariantConversionService } from './conversion/variant-conversion.service';
import { OperationExecService } from './execution/operation-exec.service';
import { OperationQueuePlanner } from './execution/operation-queue.planner';
import { QueueItemRepository } from './execution/queue-item.repository';
import { imageEngineProvider } from './imaging/image-engine.provider';
import { RunImageOperationProcessor } from './jobs/run-image-operation.processor';
import { migrations } from './migrations';
import { DerivedFileCleaner } from './operations/derived-file.cleaner';
import { OperationRepository } from './operations/operation.repository';
import { OperationService } from './operations/operation.service';
import { objectStorageProvider } from './storage/object-storage.provider';
import { FolderService } from './tree/folder.service';
import { ImageTreeRepository } from './tree/image-tree.repository';
import { ImageUploadService } from './uploads/image-upload.service';

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
          queues: { concurrency: { 'image-operations': config.IMAGE_WORKER_CONCURRENCY } },
        }),
      ],
      providers: [
        VariantConversionService,
        objectStorageProvider,
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
      ],
    };
  }
}
