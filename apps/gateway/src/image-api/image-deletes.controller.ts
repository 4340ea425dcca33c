import { Controller, Delete, HttpCode, Query } from '@nestjs/common';
import {
  DeleteImageAsyncQuery,
  deleteImageAsyncQuerySchema,
  DeleteImageSyncQuery,
  deleteImageSyncQuerySchema,
} from '@mp/contracts';
import { RpcClient } from '@mp/platform';
import { ZodPipe } from '../http/zod-validation.pipe';
import { ImageApp } from './image-app.decorator';
import { imageOk } from './image-response';
import { Dialect } from '../dialects/dialect.decorator';
import { IMAGE_DIALECT } from './image.dialect';

type App = { team_id: string; app_key: string };

/** Delete API: `DELETE …/images/sync` (one folder or file) and `…/images/async` (a delete queue item). */
@Controller('image/v2.0/appkeys/:appKey/images')
@Dialect(IMAGE_DIALECT)
export class ImageDeletesController {
  constructor(private readonly rpc: RpcClient) {}

  @Delete('sync')
  @HttpCode(200)
  async deleteSync(@ImageApp() app: App, @Query(new ZodPipe(deleteImageSyncQuerySchema)) query: DeleteImageSyncQuery) {
    await this.rpc.request('images.delete.sync', { ...app, ...query }, { timeoutMs: 60_000 });
    return imageOk({});
  }

  @Delete('async')
  @HttpCode(200)
  async deleteAsync(
    @ImageApp() app: App,
    @Query(new ZodPipe(deleteImageAsyncQuerySchema)) query: DeleteImageAsyncQuery,
  ) {
    const { files, ...rest } = query;
    const fileIds = [...new Set([...rest.fileIds, ...files])];
    return imageOk(await this.rpc.request('images.delete.async', { ...app, ...rest, fileIds, files: [] }));
  }
}
