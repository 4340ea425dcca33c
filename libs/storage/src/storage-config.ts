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
