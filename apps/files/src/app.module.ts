import { DynamicModule, Module } from '@nestjs/common';
import { PlatformModule } from '@mp/platform';
import { FilesConfig } from './app.config';
import { FileEntity } from './files/file.entity';
import { FileRepository } from './files/file.repository';
import { ReconcileUploadsProcessor } from './jobs/reconcile-uploads.processor';
import { VerifyUploadProcessor } from './jobs/verify-upload.processor';
import { migrations } from './migrations';
import { objectStorageProvider } from './storage/object-storage.provider';
import { StorageEventsController } from './storage-events/storage-events.controller';
import { StorageEventsService } from './storage-events/storage-events.service';
import { UploadSessionService } from './uploads/upload-session.service';
import { UploadVerifier } from './verification/upload-verifier.service';

export const APP_NAME = 'files';
export const DB_SCHEMA = 'files';

@Module({})
export class FilesAppModule {
  static register(config: FilesConfig): DynamicModule {
    return {
      module: FilesAppModule,
      imports: [
        PlatformModule.forRoot({
          app: APP_NAME,
          config,
          database: { schema: DB_SCHEMA, entities: [FileEntity], migrations },
          queues: { concurrency: { uploads: 8 } },
        }),
      ],
      controllers: [StorageEventsController],
      providers: [
        objectStorageProvider,
        FileRepository,
        UploadSessionService,
        UploadVerifier,
        StorageEventsService,
        VerifyUploadProcessor,
        ReconcileUploadsProcessor,
      ],
    };
  }
}
