/** Where and how to reach the object store (AWS S3, MinIO, R2 or the embedded server). */
export interface StorageConfig {
  /** Endpoint the services use. */
  endpoint: string;
  /** Endpoint written into presigned URLs, reachable by clients outside (browsers, SDKs). */
  publicEndpoint: string;
  region: string;
  accessKeyId: string;
  secretAccessKey: string;
  /** For temporary credentials; presigned requests then carry `x-amz-security-token`. */
  sessionToken?: string;
  bucket: string;
  /** `http://host/bucket/key` rather than `http://bucket.host/key` (MinIO, the embedded server). */
  forcePathStyle: boolean;
}

/** The S3_* settings of an app's validated config (the platform's storage config schema). */
export interface S3Settings {
  S3_ENDPOINT: string;
  S3_PUBLIC_ENDPOINT?: string;
  S3_REGION: string;
  S3_ACCESS_KEY_ID: string;
  S3_SECRET_ACCESS_KEY: string;
  S3_BUCKET: string;
  S3_FORCE_PATH_STYLE: boolean;
}

/** The storage configuration the S3_* settings describe; presigned URLs use the public endpoint when one is set. */
export function storageConfigOf(settings: S3Settings): StorageConfig {
  return {
    endpoint: settings.S3_ENDPOINT,
    publicEndpoint: settings.S3_PUBLIC_ENDPOINT ?? settings.S3_ENDPOINT,
    region: settings.S3_REGION,
    accessKeyId: settings.S3_ACCESS_KEY_ID,
    secretAccessKey: settings.S3_SECRET_ACCESS_KEY,
    bucket: settings.S3_BUCKET,
    forcePathStyle: settings.S3_FORCE_PATH_STYLE,
  };
}
