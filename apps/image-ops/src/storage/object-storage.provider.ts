import { Provider } from '@nestjs/common';
import { APP_CONFIG, HealthRegistry, StorageSettings } from '@mp/platform';
import { ObjectStorage, storageConfigOf } from '@mp/storage';

/** image-ops' object store, built from the S3_* settings; its reachability is part of readiness. */
export const objectStorageProvider: Provider = {
  provide: ObjectStorage,
  inject: [APP_CONFIG, HealthRegistry],
  useFactory: async (config: StorageSettings, health: HealthRegistry) => {
    const storage = new ObjectStorage(storageConfigOf(config));
    await storage.ensureBucket();
    health.register({ name: 'object-storage', check: () => storage.ping() });
    return storage;
  },
};
