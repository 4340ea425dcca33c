import { Controller, Get, Param } from '@nestjs/common';
import {
  FileDistinctParams,
  fileDistinctParamsSchema,
  FileDistinctResult,
  Principal,
  SearchSchemaResult,
} from '@mp/contracts';
import { RpcClient } from '@mp/platform';
import { CurrentPrincipal } from '../auth/principal.decorator';
import { Dialect } from '../dialects/dialect.decorator';
import { STORAGE_DIALECT } from './storage.dialect';
import { ZodPipe } from '../http/zod-validation.pipe';

/** Storage API (seed 000): what a search UI needs to build its filters — distinct values and the field schema. */
@Controller('v1/files/storage')
@Dialect(STORAGE_DIALECT)
export class StorageSearchMetaController {
  constructor(private readonly rpc: RpcClient) {}

  @Get('distinct/:field')
  distinct(
    @CurrentPrincipal() principal: Principal,
    @Param(new ZodPipe(fileDistinctParamsSchema)) params: FileDistinctParams,
  ): Promise<FileDistinctResult> {
    return this.rpc.request('search.files.distinct', { field: params.field, team_id: principal.team_id });
  }

  @Get('schema/fields')
  schemaFields(): Promise<SearchSchemaResult> {
    return this.rpc.request('search.files.schema', {});
  }
}
