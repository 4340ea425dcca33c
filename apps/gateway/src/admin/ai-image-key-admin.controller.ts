import { Body, Controller, Param, Patch } from '@nestjs/common';
import { ApiKeySummary, UpdateAiImageKeyBody, updateAiImageKeyBodySchema } from '@mp/contracts';
import { RpcClient } from '@mp/platform';
import { z } from 'zod';
import { Dialect } from '../dialects/dialect.decorator';
import { ZodPipe } from '../http/zod-validation.pipe';
import { ADMIN_DIALECT } from './admin.dialect';

const uuidParam = (name: string) => new ZodPipe(z.uuid({ error: `${name} must be a UUID` }));

/** The AI Image profile of a `kikaku` key (seed 002): owner, image quota, status, expiry, rate limit. */
@Controller('admin/v1/teams/:teamId/api-keys/:keyId')
@Dialect(ADMIN_DIALECT)
export class AiImageKeyAdminController {
  constructor(private readonly rpc: RpcClient) {}

  @Patch()
  update(
    @Param('teamId', uuidParam('teamId')) teamId: string,
    @Param('keyId', uuidParam('keyId')) keyId: string,
    @Body(new ZodPipe(updateAiImageKeyBodySchema)) body: UpdateAiImageKeyBody,
  ): Promise<ApiKeySummary> {
    return this.rpc.request('billing.key.update', { ...body, team_id: teamId, key_id: keyId });
  }
}
