import { Body, Controller, Delete, Get, HttpCode, Param, Put } from '@nestjs/common';
import {
  bucketParamsSchema,
  createPolicyBodySchema,
  CreatePolicyBody,
  PolicyList,
  policyParamsSchema,
  Principal,
} from '@mp/contracts';
import { CurrentPrincipal } from '../auth/principal.decorator';
import { Dialect } from '../dialects/dialect.decorator';
import { ZodBody, ZodPipe } from '../http/zod-validation.pipe';
import { BucketApiService } from './bucket-api.service';
import { BUCKET_DIALECT } from './bucket.dialect';

/**
 * The other paths the seed writes the lifecycle routes with: `/v1_ext/{name}/policy` and
 * `/v1/bucket/{name}/policy` (with `/{id}` for DELETE). Same handlers, same answers.
 */
@Controller()
@Dialect(BUCKET_DIALECT)
export class BucketPolicyAliasController {
  constructor(private readonly buckets: BucketApiService) {}

  @Get(['v1_ext/:name/policy', 'v1/bucket/:name/policy'])
  list(
    @CurrentPrincipal() p: Principal,
    @Param(new ZodPipe(bucketParamsSchema)) { name }: { name: string },
  ): Promise<PolicyList> {
    return this.buckets.listPolicies(p, name);
  }

  @Put(['v1_ext/:name/policy', 'v1/bucket/:name/policy'])
  create(
    @CurrentPrincipal() p: Principal,
    @Param(new ZodPipe(bucketParamsSchema)) { name }: { name: string },
    @Body(ZodBody(createPolicyBodySchema)) body: CreatePolicyBody,
  ): Promise<PolicyList> {
    return this.buckets.createPolicy(p, name, body);
  }

  @Delete(['v1_ext/:name/policy/:id', 'v1/bucket/:name/policy/:id'])
  @HttpCode(204)
  delete(
    @CurrentPrincipal() p: Principal,
    @Param(new ZodPipe(policyParamsSchema)) params: { name: string; id: number },
  ): Promise<void> {
    return this.buckets.deletePolicy(p, params.name, params.id);
  }
}
