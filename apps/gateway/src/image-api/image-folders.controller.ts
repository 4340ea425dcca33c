import { Body, Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import {
  CreateImageFolderBody,
  createImageFolderBodySchema,
  imageFolderPropertiesQuerySchema,
  ListImageFolderQuery,
  listImageFolderQuerySchema,
} from '@mp/contracts';
import { RpcClient } from '@mp/platform';
import { z } from 'zod';
import { ZodPipe } from '../http/zod-validation.pipe';
import { ImageApp } from './image-app.decorator';
import { imageOk } from './image-response';
import { Dialect } from '../dialects/dialect.decorator';
import { IMAGE_DIALECT } from './image.dialect';

type App = { team_id: string; app_key: string };

/** Folder API: create, list a folder's folders and files, folder properties. */
@Controller('image/v2.0/appkeys/:appKey')
@Dialect(IMAGE_DIALECT)
export class ImageFoldersController {
  constructor(private readonly rpc: RpcClient) {}

  @Post('folders')
  @HttpCode(200)
  async create(@ImageApp() app: App, @Body(new ZodPipe(createImageFolderBodySchema)) body: CreateImageFolderBody) {
    return imageOk(await this.rpc.request('images.folder.create', { ...app, ...body }));
  }

  @Get('folders')
  async list(@ImageApp() app: App, @Query(new ZodPipe(listImageFolderQuerySchema)) query: ListImageFolderQuery) {
    return imageOk(await this.rpc.request('images.folder.list', { ...app, ...query }));
  }

  @Get('properties')
  async properties(
    @ImageApp() app: App,
    @Query(new ZodPipe(imageFolderPropertiesQuerySchema)) query: z.infer<typeof imageFolderPropertiesQuerySchema>,
  ) {
    return imageOk(await this.rpc.request('images.folder.properties', { ...app, ...query }));
  }
}
