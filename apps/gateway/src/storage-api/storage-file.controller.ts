import { Body, Controller, Delete, HttpCode, Patch, Query } from '@nestjs/common';
import {
  DeleteFileQuery,
  deleteFileQuerySchema,
  DeleteFileResult,
  Principal,
  UpdateFileMetadataBody,
  updateFileMetadataBodySchema,
  UpdateFileMetadataResult,
} from '@mp/contracts';
import { RpcClient } from '@mp/platform';
import { CurrentPrincipal } from '../auth/principal.decorator';
import { Dialect } from '../dialects/dialect.decorator';
import { STORAGE_DIALECT } from './storage.dialect';
import { ZodPipe } from '../http/zod-validation.pipe';

/** Storage API (seed 000): one file's metadata and deletion, only within the caller's team. */
@Controller('v1/files/storage/file')
@Dialect(STORAGE_DIALECT)
export class StorageFileController {
  constructor(private readonly rpc: RpcClient) {}

  @Patch('metadata')
  @HttpCode(200)
  updateMetadata(
    @CurrentPrincipal() principal: Principal,
    @Body(new ZodPipe(updateFileMetadataBodySchema)) body: UpdateFileMetadataBody,
  ): Promise<UpdateFileMetadataResult> {
    return this.rpc.request('files.metadata.update', { ...body, team_id: principal.team_id });
  }

  @Delete()
  @HttpCode(200)
  delete(
    @CurrentPrincipal() principal: Principal,
    @Query(new ZodPipe(deleteFileQuerySchema)) query: DeleteFileQuery,
  ): Promise<DeleteFileResult> {
    return this.rpc.request('files.file.delete', { object_key: query.object_key, team_id: principal.team_id });
  }
}
