import { Provider } from '@nestjs/common';
import { APP_CONFIG, StorageSettings } from '@mp/platform';
import { ObjectStorage, storageConfigOf } from '@mp/storage';

/**
 * The object store the gateway streams S3-proxy bodies to and from, built from the S3_* settings
 * like every app's. It is not part of the gateway's readiness: the other dialects do not need
 * it, and while it is down `/s3/...` answers 503.
 */
export const gatewayObjectStorageProvider: Provider = {
  provide: ObjectStorage,
  inject: [APP_CONFIG],
  useFactory: (config: StorageSettings) => new ObjectStorage(storageConfigOf(config)),
};
