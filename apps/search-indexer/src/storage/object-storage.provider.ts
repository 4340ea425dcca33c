import { Provider } from '@nestjs/common';
import { APP_CONFIG, StorageSettings } from '@mp/platform';
import { ObjectStorage } from '@mp/storage';

/**
 * The object store, used here only to sign download URLs of hits (no network call), so its
 * reachability is not part of this app's readiness and the bucket is left to `files`.
 */
export const objectStorageProvider: Provider = {
  provide: ObjectStorage,
  inject: [APP_CONFIG],
  useFactory: (config: StorageSettings) =>
    new ObjectStorage({
      endpoint: config.S3_ENDPOINT,
      publicEndpoint: config.S3_PUBLIC_ENDPOINT ?? config.S3_ENDPOINT,
      region: config.S3_REGION,
      accessKeyId: config.S3_ACCESS_KEY_ID,
      secretAccessKey: config.S3_SECRET_ACCESS_KEY,
      bucket: config.S3_BUCKET,
      forcePathStyle: config.S3_FORCE_PATH_STYLE,
    }),
};
