import { Provider } from '@nestjs/common';
import { APP_CONFIG, StorageSettings } from '@mp/platform';
import { ObjectStorage, storageConfigOf } from '@mp/storage';

/**
 * The object store, used here only to sign download URLs of hits (no network call), so its
 * reachability is not part of this app's readiness and the bucket is left to `files`.
 */
export const objectStorageProvider: Provider = {
  provide: ObjectStorage,
  inject: [APP_CONFIG],
  useFactory: (config: StorageSettings) => new ObjectStorage(storageConfigOf(config)),
};
