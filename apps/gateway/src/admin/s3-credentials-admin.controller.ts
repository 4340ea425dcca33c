import { Controller, HttpCode, Post } from '@nestjs/common';
import { S3Credentials } from '@mp/contracts';
import { RpcClient } from '@mp/platform';
import { Dialect } from '../dialects/dialect.decorator';
import { ADMIN_DIALECT } from './admin.dialect';
import { AdminIds, AdminIdsParam } from './admin-ids.param';

/** S3-protocol credentials of one `kikaku_s3` key: rotation issues a new pair (the old one stops within the key-cache TTL). */
@Controller('admin/v1/teams/:teamId/api-keys/:keyId/s3-credentials')
@Dialect(ADMIN_DIALECT)
export class S3CredentialsAdminController {
  constructor(private readonly rpc: RpcClient) {}

  @Post('rotate')
  @HttpCode(200)
  rotate(@AdminIdsParam() ids: AdminIds<'key_id'>): Promise<S3Credentials> {
    return this.rpc.request('billing.s3-credentials.rotate', ids);
  }
}
