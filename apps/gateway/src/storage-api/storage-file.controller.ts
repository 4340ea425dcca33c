import { Body, Controller, Delete, HttpCode, Patch, Query, UseGuards } from '@nestjs/common';
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
import { CdtKeyGuard } from '../auth/cdt-key.guard';
import { CurrentPrincipal } from '../auth/principal.decorator';
import { ZodPipe } from '../http/zod-validation.pipe';

/** Storage API (seed 000): one file's metadata and deletion, only within the caller's team. */
@Controller('v1/files/storage/file')
@UseGuards(CdtKeyGuard)
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
