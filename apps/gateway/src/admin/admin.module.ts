import { Module } from '@nestjs/common';
import { AdminAccountsController } from './admin-accounts.controller';
import { AdminCallbacksController } from './admin-callbacks.controller';
import { AdminController } from './admin.controller';
import { StorageQuotaAdminController } from './storage-quota-admin.controller';

/** The operator's API: teams, users, keys, seed 003 accounts and organisations, storage quotas, callbacks. */
@Module({
  controllers: [AdminController, AdminAccountsController, AdminCallbacksController, StorageQuotaAdminController],
})
export class AdminModule {}
