import { DynamicModule, Module } from '@nestjs/common';
import { serviceModule } from '@mp/platform';
import { StorageModule } from '@mp/storage';
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
import { StorageEventsController } from './storage-events/storage-events.controller';
import { StorageEventsService } from './storage-events/storage-events.service';
import { StagingObjectSweep } from './uploads/staging-object.sweep';
import { UploadSessionService } from './uploads/upload-session.service';
import { StagedUploadVerifier } from './verification/staged-upload-verifier.service';
import { StagedWriteMetrics } from './verification/staged-write.metrics';
import { UploadInspector } from './verification/upload-inspector';
import { UploadVerifier } from './verification/upload-verifier.service';
import { VerdictRecorder } from './verification/verdict-recorder';
import { GeneratedFileRegistrar } from './generated-files/generated-file-registrar';

export const APP_NAME = 'files';
export const DB_SCHEMA = 'files';

/** What a test may replace; production always runs with the defaults. */
export interface FilesAppOverrides {
  clock?: Clock;
}

@Module({})
export class FilesAppModule {
  static register(config: FilesConfig, overrides: FilesAppOverrides = {}): DynamicModule {
    return serviceModule(
      FilesAppModule,
      {
        app: APP_NAME,
        config,
        database: { schema: DB_SCHEMA, entities: [FileEntity], migrations },
        queues: { concurrency: { uploads: 8, 'file-expiry': 1, 'media-maintenance': 1, 'bulk-uploads': 2 } },
      },
      {
        imports: [StorageModule.forRoot({ settings: config, ensureBucket: true, readinessCheck: true })],
        controllers: [StorageEventsController],
        providers: [
          { provide: Clock, useValue: overrides.clock ?? new SystemClock() },
          FileRepository,
          UploadSessionService,
          UploadVerifier,
          UploadInspector,
          VerdictRecorder,
          GeneratedFileRegistrar,
          StagedUploadVerifier,
          StagedWriteMetrics,
          StagingObjectSweep,
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
      },
    );
  }
}
