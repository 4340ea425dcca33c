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

/** Every path the seed writes the lifecycle routes with; DELETE adds `/{id}`. */
const POLICY_PATHS = ['v1_ext/bucket/:name/policy', 'v1_ext/:name/policy', 'v1/bucket/:name/policy'];
const ONE_POLICY_PATHS = POLICY_PATHS.map((path) => `${path}/:id`);

/** A bucket's lifecycle policies: list, add one, delete one (same handlers and answers at each path). */
@Controller()
@Dialect(BUCKET_DIALECT)
export class BucketPolicyController {
  constructor(private readonly buckets: BucketApiService) {}

  @Get(POLICY_PATHS)
  list(
    @CurrentPrincipal() p: Principal,
    @Param(new ZodPipe(bucketParamsSchema)) { name }: { name: string },
  ): Promise<PolicyList> {
    return this.buckets.listPolicies(p, name);
  }

  @Put(POLICY_PATHS)
  create(
    @CurrentPrincipal() p: Principal,
    @Param(new ZodPipe(bucketParamsSchema)) { name }: { name: string },
    @Body(ZodBody(createPolicyBodySchema)) body: CreatePolicyBody,
  ): Promise<PolicyList> {
    return this.buckets.createPolicy(p, name, body);
  }

  @Delete(ONE_POLICY_PATHS)
  @HttpCode(204)
  delete(
    @CurrentPrincipal() p: Principal,
    @Param(new ZodPipe(policyParamsSchema)) params: { name: string; id: number },
  ): Promise<void> {
    return this.buckets.deletePolicy(p, params.name, params.id);
  }
}
