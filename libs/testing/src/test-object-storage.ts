import { ObjectStorage, storageConfigOf } from '@mp/storage';

/** An ObjectStorage client for the bucket of a test's environment (`TestInfra.env`). */
export function testObjectStorage(env: Record<string, string>): ObjectStorage {
  return new ObjectStorage(
    storageConfigOf({
      S3_ENDPOINT: env.S3_ENDPOINT,
      S3_PUBLIC_ENDPOINT: env.S3_PUBLIC_ENDPOINT,
      S3_REGION: env.S3_REGION ?? 'us-east-1',
      S3_ACCESS_KEY_ID: env.S3_ACCESS_KEY_ID,
      S3_SECRET_ACCESS_KEY: env.S3_SECRET_ACCESS_KEY,
      S3_BUCKET: env.S3_BUCKET,
      S3_FORCE_PATH_STYLE: env.S3_FORCE_PATH_STYLE !== 'false',
    }),
  );
}
