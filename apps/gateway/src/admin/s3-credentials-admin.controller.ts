import { Controller, HttpCode, Param, Post } from '@nestjs/common';
import { S3Credentials } from '@mp/contracts';
import { RpcClient } from '@mp/platform';
import { z } from 'zod';
import { Dialect } from '../dialects/dialect.decorator';
import { ZodPipe } from '../http/zod-validation.pipe';
import { ADMIN_DIALECT } from './admin.dialect';

const uuidParam = (name: string) => new ZodPipe(z.uuid({ error: `${name} must be a UUID` }));

/** S3-protocol credentials of one `kikaku_s3` key: rotation issues a new pair (the old one stops within the key-cache TTL). */
@Controller('admin/v1/teams/:teamId/api-keys/:keyId/s3-credentials')
@Dialect(ADMIN_DIALECT)
export class S3CredentialsAdminController {
  constructor(private readonly rpc: RpcClient) {}

  @Post('rotate')
  @HttpCode(200)
  rotate(
    @Param('teamId', uuidParam('teamId')) teamId: string,
    @Param('keyId', uuidParam('keyId')) keyId: string,
  ): Promise<S3Credentials> {
    return this.rpc.request('billing.s3-credentials.rotate', { team_id: teamId, key_id: keyId });
  }
}
