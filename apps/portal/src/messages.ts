/** Seed 002's sentences, verbatim. */
export const MESSAGES = {
  s3KeyOnAi:
    'You are logged in with an S3 Storage key. Please login with an AI Image API key (kikaku_xxx) to access this feature.',
  aiKeyOnS3:
    'You are logged in with an AI Image key. Please login with an S3 Storage API key (kikaku_s3_xxx) to access this feature.',
  noFeatures:
    'You do not currently have any active features or valid keys assigned to your account. Please contact an administrator.',
  loadingGallery: 'Loading gallery…',
  loadingFiles: 'Loading files…',
  logsIdle: 'Click "Filter" to load logs',
  uploading: 'Uploading...',
  credentialsIntro: 'Use these credentials with any S3-compatible tool (AWS CLI, boto3, aws-sdk, etc.)',
  credentialsUnavailable: 'S3 credentials are not available yet on this server.',
} as const;
