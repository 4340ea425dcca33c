import { Body, Controller, Get, Put } from '@nestjs/common';
import { SetStorageLimitBody, setStorageLimitBodySchema, StorageUsage } from '@mp/contracts';
import { RpcClient } from '@mp/platform';
import { Dialect } from '../dialects/dialect.decorator';
import { ADMIN_DIALECT } from './admin.dialect';
import { ZodPipe } from '../http/zod-validation.pipe';
import { AdminIds, AdminIdsParam } from './admin-ids.param';

/** Storage quota of one `kikaku_s3` key (S3 proxy, seed 002): read it, set its limit or restore the default (null). */
@Controller('admin/v1/teams/:teamId/api-keys/:keyId/storage-quota')
@Dialect(ADMIN_DIALECT)
export class StorageQuotaAdminController {
  constructor(private readonly rpc: RpcClient) {}

  @Get()
  get(@AdminIdsParam() ids: AdminIds<'key_id'>): Promise<StorageUsage> {
    return this.rpc.request('billing.storage.usage', ids);
  }

  @Put()
  set(
    @AdminIdsParam() ids: AdminIds<'key_id'>,
    @Body(new ZodPipe(setStorageLimitBodySchema)) body: SetStorageLimitBody,
  ): Promise<StorageUsage> {
    return this.rpc.request('billing.storage.set-limit', { ...ids, limit_bytes: body.limit_bytes });
  }
}
