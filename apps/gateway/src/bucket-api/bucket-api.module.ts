import { Module } from '@nestjs/common';
import { BucketApiController } from './bucket-api.controller';
import { BucketApiService } from './bucket-api.service';
import { BucketPolicyController } from './bucket-policy.controller';
import { MasterKeys } from './encryption/master-keys';
import { BucketRoles } from './bucket-roles.service';
import { LargeObjects } from './large-object';
import { ObjectWriter } from './object-writer';
import { SloUploadService } from './slo-upload.service';
import { SwiftAuthController } from './swift-auth.controller';
import { SwiftBulkDeleteService } from './swift-bulk-delete.service';
import { SwiftContainerService } from './swift-container.service';
import { SwiftController } from './swift.controller';
import { SwiftCorsController } from './swift-cors.controller';
import { SwiftObjectService } from './swift-object.service';
import { SwiftUploadService } from './swift-upload.service';

/** Seed 004: the bucket API and the Swift object API, on the bucket dialect. */
@Module({
  controllers: [BucketApiController, BucketPolicyController, SwiftAuthController, SwiftCorsController, SwiftController],
  providers: [
    MasterKeys,
    BucketApiService,
    SwiftContainerService,
    SwiftObjectService,
    SwiftUploadService,
    SwiftBulkDeleteService,
    ObjectWriter,
    LargeObjects,
    SloUploadService,
    BucketRoles,
  ],
})
export class BucketApiModule {}
