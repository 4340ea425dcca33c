import { DynamicModule, Module } from '@nestjs/common';
import { HealthRegistry } from '@mp/platform';
import { ObjectStorage } from './object-storage';
import { S3Settings, storageConfigOf } from './storage-config';

export interface StorageModuleOptions {
  /** The app's validated S3_* settings. */
  settings: S3Settings;
  /** Create the bucket (with its CORS rule) at boot when absent: for the apps that own it. */
  ensureBucket?: boolean;
  /**
   * Make the store's reachability part of readiness. Off where the app can serve without it
   * (it only signs URLs, or answers 503 on its storage routes while the store is down).
   */
  readinessCheck?: boolean;
}

/**
 * The process's one `ObjectStorage` (and so one S3 client and connection pool), injectable
 * everywhere in the app. Needs `PlatformModule` for the readiness check.
 */
@Module({})
export class StorageModule {
  static forRoot(options: StorageModuleOptions): DynamicModule {
    return {
      module: StorageModule,
      global: true,
      providers: [
        {
          provide: ObjectStorage,
          inject: [HealthRegistry],
          useFactory: async (health: HealthRegistry) => {
            const storage = new ObjectStorage(storageConfigOf(options.settings));
            if (options.ensureBucket) await storage.ensureBucket();
            if (options.readinessCheck) health.register({ name: 'object-storage', check: () => storage.ping() });
            return storage;
          },
        },
      ],
      exports: [ObjectStorage],
    };
  }
}
