import { Module } from '@nestjs/common';
import { MediaApiModule } from '../media-api/media-api.module';
import { GatewayHttpModule } from '../http/gateway-http.module';
import { BulkUploadZipReceiver } from './bulk-upload-zip.receiver';
import { BulkUploadController } from './bulk-upload.controller';
import { MediaResourcesController } from './media-resources.controller';

/** Seed 003 media resources and product bulk upload, behind the media API's bearer tokens. */
@Module({
  imports: [GatewayHttpModule, MediaApiModule],
  controllers: [MediaResourcesController, BulkUploadController],
  providers: [BulkUploadZipReceiver],
})
export class MediaResourcesApiModule {}
