export * from './ai-image-key.dto';
export * from './ai-image-query.dto';
export * from './ai-image-usage.dto';
export * from './media-accounts.dto';
export * from './s3-proxy.dto';
export * from './storage-quota.dto';
export * from './tenancy.dto';
export * from './s3-credentials.dto';
