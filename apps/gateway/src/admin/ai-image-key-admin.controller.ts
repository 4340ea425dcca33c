import { Body, Controller, Patch } from '@nestjs/common';
import { ApiKeySummary, UpdateAiImageKeyBody, updateAiImageKeyBodySchema } from '@mp/contracts';
import { RpcClient } from '@mp/platform';
import { Dialect } from '../dialects/dialect.decorator';
import { ZodPipe } from '../http/zod-validation.pipe';
import { ADMIN_DIALECT } from './admin.dialect';
import { AdminIds, AdminIdsParam } from './admin-ids.param';

/** The AI Image profile of a `kikaku` key (seed 002): owner, image quota, status, expiry, rate limit. */
@Controller('admin/v1/teams/:teamId/api-keys/:keyId')
@Dialect(ADMIN_DIALECT)
export class AiImageKeyAdminController {
  constructor(private readonly rpc: RpcClient) {}

  @Patch()
  update(
    @AdminIdsParam() ids: AdminIds<'key_id'>,
    @Body(new ZodPipe(updateAiImageKeyBodySchema)) body: UpdateAiImageKeyBody,
  ): Promise<ApiKeySummary> {
    return this.rpc.request('billing.key.update', { ...body, ...ids });
  }
}
