import { DynamicModule, Module } from '@nestjs/common';
import { PlatformModule } from '@mp/platform';
import { FilesConfig } from './app.config';
import { Clock, SystemClock } from './clock/clock';
import { FileDeletionService } from './files/file-deletion.service';
import { FileMetadataService } from './files/file-metadata.service';
import { FileRecordsService } from './files/file-records.service';
import { FileEntity } from './files/file.entity';
import { FileRepository } from './files/file.repository';
import { ReconcileUploadsProcessor } from './jobs/reconcile-uploads.processor';
import { SweepExpiredFilesProcessor } from './jobs/sweep-expired-files.processor';
import { VerifyUploadProcessor } from './jobs/verify-upload.processor';
import { CollectMediaResourcesProcessor } from './media-resources/collect-media-resources.processor';
import { MediaResourceRepository } from './media-resources/media-resource.repository';
import { MediaResourceService } from './media-resources/media-resource.service';
import { MediaUrls } from './media-resources/media-url';
import { PurgeTempObjectsProcessor } from './media-resources/purge-temp-objects.processor';
import { TempObjectOwner } from './media-resources/temp-object-owner';
import { ExportConfigRepository } from './export-config/export-config.repository';
import { ExportConfigService } from './export-config/export-config.service';
import { MediaUploadRepository } from './media-uploads/media-upload.repository';
import { MediaUploadService } from './media-uploads/media-upload.service';
import { migrations } from './migrations';
import { BulkUploadProcessor } from './products/bulk-upload.processor';
import { BulkUploadRepository } from './products/bulk-upload.repository';
import { BulkUploadService } from './products/bulk-upload.service';
import { ProductRepository } from './products/product.repository';
import { SkuImporter } from './products/sku-importer';
import { objectStorageProvider } from './storage/object-storage.provider';
import { StorageEventsController } from './storage-events/storage-events.controller';
import { StorageEventsService } from './storage-events/storage-events.service';
import { UploadSessionService } from './uploads/upload-session.service';
import { UploadVerifier } from './verification/upload-verifier.service';

export const APP_NAME = 'files';
export const DB_SCHEMA = 'files';

/** What a test may replace; production always runs with the defaults. */
export interface FilesAppOverrides {
  clock?: Clock;
}

@Module({})
export class FilesAppModule {
  static register(config: FilesConfig, overrides: FilesAppOverrides = {}): DynamicModule {
    return {
      module: FilesAppModule,
      imports: [
        PlatformModule.forRoot({
          app: APP_NAME,
          config,
          database: { schema: DB_SCHEMA, entities: [FileEntity], migrations },
          queues: { concurrency: { uploads: 8, 'file-expiry': 1, 'media-maintenance': 1, 'bulk-uploads': 2 } },
        }),
      ],
      controllers: [StorageEventsController],
      providers: [
        { provide: Clock, useValue: overrides.clock ?? new SystemClock() },
        objectStorageProvider,
        FileRepository,
        UploadSessionService,
        UploadVerifier,
        StorageEventsService,
        FileMetadataService,
        FileDeletionService,
        FileRecordsService,
        VerifyUploadProcessor,
        ReconcileUploadsProcessor,
        SweepExpiredFilesProcessor,
        MediaUploadRepository,
        MediaUploadService,
        ExportConfigRepository,
        ExportConfigService,
        MediaResourceRepository,
        MediaResourceService,
        MediaUrls,
        TempObjectOwner,
        CollectMediaResourcesProcessor,
        PurgeTempObjectsProcessor,
        BulkUploadRepository,
        BulkUploadService,
        BulkUploadProcessor,
        ProductRepository,
        SkuImporter,
      ],
    };
  }
}
