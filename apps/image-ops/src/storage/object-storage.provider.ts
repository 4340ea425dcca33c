import { Provider } from '@nestjs/common';
import { APP_CONFIG, HealthRegistry, StorageSettings } from '@mp/platform';
import { ObjectStorage } from '@mp/storage';

/** image-ops' object store, built from the S3_* settings; its reachability is part of readiness. */
export const objectStorageProvider: Provider = {
  provide: ObjectStorage,
  inject: [APP_CONFIG, HealthRegistry],
  useFactory: async (config: StorageSettings, health: HealthRegistry) => {
    const storage = new ObjectStorage({
      endpoint: config.S3_ENDPOINT,
      publicEndpoint: config.S3_PUBLIC_ENDPOINT ?? config.S3_ENDPOINT,
      region: config.S3_REGION,
      accessKeyId: config.S3_ACCESS_KEY_ID,
      secretAccessKey: config.S3_SECRET_ACCESS_KEY,
      bucket: config.S3_BUCKET,
      forcePathStyle: config.S3_FORCE_PATH_STYLE,
    });
    await storage.ensureBucket();
    health.register({ name: 'object-storage', check: () => storage.ping() });
    return storage;
  },
};
