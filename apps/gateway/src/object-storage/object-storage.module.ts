import { Global, Module } from '@nestjs/common';
import { APP_CONFIG, StorageSettings } from '@mp/platform';
import { ObjectStorage, storageConfigOf } from '@mp/storage';

/**
 * The one object-store client of the gateway (every dialect streams bodies through it), built from
 * the S3_* settings like every app's. It is not part of the gateway's readiness: most dialects do not
 * need it, and while it is down the routes that do answer 503.
 */
@Global()
@Module({
  providers: [
    {
      provide: ObjectStorage,
      inject: [APP_CONFIG],
      useFactory: (config: StorageSettings) => new ObjectStorage(storageConfigOf(config)),
    },
  ],
  exports: [ObjectStorage],
})
export class GatewayObjectStorageModule {}
