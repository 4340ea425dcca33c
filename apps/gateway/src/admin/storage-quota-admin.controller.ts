import { Body, Controller, Get, Param, Put } from '@nestjs/common';
import { SetStorageLimitBody, setStorageLimitBodySchema, StorageUsage } from '@mp/contracts';
import { RpcClient } from '@mp/platform';
import { z } from 'zod';
import { Dialect } from '../dialects/dialect.decorator';
import { ADMIN_DIALECT } from './admin.dialect';
import { ZodPipe } from '../http/zod-validation.pipe';

const uuidParam = (name: string) => new ZodPipe(z.uuid({ error: `${name} must be a UUID` }));

/** Storage quota of one `kikaku_s3` key (S3 proxy, seed 002): read it, set its limit or restore the default (null). */
@Controller('admin/v1/teams/:teamId/api-keys/:keyId/storage-quota')
@Dialect(ADMIN_DIALECT)
export class StorageQuotaAdminController {
  constructor(private readonly rpc: RpcClient) {}

  @Get()
  get(
    @Param('teamId', uuidParam('teamId')) teamId: string,
    @Param('keyId', uuidParam('keyId')) keyId: string,
  ): Promise<StorageUsage> {
    return this.rpc.request('billing.storage.usage', { team_id: teamId, key_id: keyId });
  }

  @Put()
  set(
    @Param('teamId', uuidParam('teamId')) teamId: string,
    @Param('keyId', uuidParam('keyId')) keyId: string,
    @Body(new ZodPipe(setStorageLimitBodySchema)) body: SetStorageLimitBody,
  ): Promise<StorageUsage> {
    return this.rpc.request('billing.storage.set-limit', {
      team_id: teamId,
      key_id: keyId,
      limit_bytes: body.limit_bytes,
    });
  }
}
