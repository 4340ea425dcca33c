import { Module } from '@nestjs/common';
import { MediaApiModule } from '../media-api/media-api.module';
import { gatewayObjectStorageProvider } from '../s3-proxy/object-storage.provider';
import { BulkUploadZipReceiver } from './bulk-upload-zip.receiver';
import { BulkUploadController } from './bulk-upload.controller';
import { MediaResourcesController } from './media-resources.controller';

/** Seed 003 media resources and product bulk upload, behind the media API's bearer tokens. */
@Module({
  imports: [MediaApiModule],
  controllers: [MediaResourcesController, BulkUploadController],
  providers: [BulkUploadZipReceiver, gatewayObjectStorageProvider],
})
export class MediaResourcesApiModule {}
