import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import {
  Bucket,
  BucketList,
  bucketParamsSchema,
  CorsConfiguration,
  createBucketBodySchema,
  CreateBucketBody,
  CreatedBucket,
  ListBucketsQuery,
  listBucketsQuerySchema,
  Principal,
  putCorsBodySchema,
  UpdateBucketBody,
  updateBucketBodySchema,
  UpdatedBucket,
} from '@mp/contracts';
import { CurrentPrincipal } from '../auth/principal.decorator';
import { Dialect } from '../dialects/dialect.decorator';
import { ZodBody, ZodPipe, ZodQuery } from '../http/zod-validation.pipe';
import { BucketApiService } from './bucket-api.service';
import { BUCKET_DIALECT } from './bucket.dialect';

const NameParam = () => Param(new ZodPipe(bucketParamsSchema));

/** Seed 004's bucket API: `/v1_ext/bucket`, `/v1_ext/bucket/{name}` and its CORS rules (policies: BucketPolicyController). */
@Controller('v1_ext/bucket')
@Dialect(BUCKET_DIALECT)
export class BucketApiController {
  constructor(private readonly buckets: BucketApiService) {}

  @Put()
  @HttpCode(200)
  create(
    @CurrentPrincipal() p: Principal,
    @Body(ZodBody(createBucketBodySchema)) body: CreateBucketBody,
  ): Promise<CreatedBucket> {
    return this.buckets.create(p, body);
  }

  @Get()
  list(
    @CurrentPrincipal() p: Principal,
    @Query(ZodQuery(listBucketsQuerySchema)) q: ListBucketsQuery,
  ): Promise<BucketList> {
    return this.buckets.list(p, q);
  }

  @Get(':name')
  get(@CurrentPrincipal() p: Principal, @NameParam() { name }: { name: string }): Promise<Bucket> {
    return this.buckets.get(p, name);
  }

  @Post(':name')
  @HttpCode(200)
  update(
    @CurrentPrincipal() p: Principal,
    @NameParam() { name }: { name: string },
    @Body(ZodBody(updateBucketBodySchema)) body: UpdateBucketBody,
  ): Promise<UpdatedBucket> {
    return this.buckets.update(p, name, body);
  }

  @Delete(':name')
  @HttpCode(200)
  delete(@CurrentPrincipal() p: Principal, @NameParam() { name }: { name: string }): Promise<void> {
    return this.buckets.delete(p, name);
  }

  @Get(':name/cors')
  getCors(@CurrentPrincipal() p: Principal, @NameParam() { name }: { name: string }): Promise<CorsConfiguration> {
    return this.buckets.getCors(p, name);
  }

  @Put(':name/cors')
  putCors(
    @CurrentPrincipal() p: Principal,
    @NameParam() { name }: { name: string },
    @Body(ZodBody(putCorsBodySchema)) body: CorsConfiguration,
  ): Promise<CorsConfiguration> {
    return this.buckets.putCors(p, name, body);
  }

  /** The seed sets CORS with POST as well as PUT. */
  @Post(':name/cors')
  @HttpCode(200)
  postCors(
    @CurrentPrincipal() p: Principal,
    @NameParam() { name }: { name: string },
    @Body(ZodBody(putCorsBodySchema)) body: CorsConfiguration,
  ): Promise<CorsConfiguration> {
    return this.buckets.putCors(p, name, body);
  }
}
