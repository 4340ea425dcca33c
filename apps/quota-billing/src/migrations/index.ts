import { Init1763856000000 } from './1763856000000-init';
import { Tenancy1763856000001 } from './1763856000001-tenancy';
import { StorageQuota1764300000000 } from './1764300000000-storage-quota';
import { MediaAccounts1764500000000 } from './1764500000000-media-accounts';
import { S3Credentials1764900000000 } from './1764900000000-s3-credentials';
import { AiImageQuota1765000000000 } from './1765000000000-ai-image-quota';

export const migrations = [
  Init1763856000000,
  Tenancy1763856000001,
  StorageQuota1764300000000,
  MediaAccounts1764500000000,
  S3Credentials1764900000000,
  AiImageQuota1765000000000,
];
