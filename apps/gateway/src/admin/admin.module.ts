import { Module } from '@nestjs/common';
import { AdminAccountsController } from './admin-accounts.controller';
import { AdminCallbacksController } from './admin-callbacks.controller';
import { AdminController } from './admin.controller';
import { AiImageKeyAdminController } from './ai-image-key-admin.controller';
import { S3CredentialsAdminController } from './s3-credentials-admin.controller';
import { StorageQuotaAdminController } from './storage-quota-admin.controller';

/** The operator's API: teams, users, keys (incl. AI Image profiles), seed 003 accounts and organisations, storage quotas, callbacks. */
@Module({
  controllers: [
    AdminController,
    AdminAccountsController,
    AdminCallbacksController,
    StorageQuotaAdminController,
    AiImageKeyAdminController,
    S3CredentialsAdminController,
  ],
})
export class AdminModule {}
