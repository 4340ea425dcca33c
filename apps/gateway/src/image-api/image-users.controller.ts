import { Body, Controller, Get, HttpCode, Put } from '@nestjs/common';
import { PutImageUserBody, putImageUserBodySchema } from '@mp/contracts';
import { RpcClient } from '@mp/platform';
import { ZodPipe } from '../http/zod-validation.pipe';
import { ImageApp } from './image-app.decorator';
import { imageOk } from './image-response';
import { Dialect } from '../dialects/dialect.decorator';
import { IMAGE_DIALECT } from './image.dialect';

type App = { team_id: string; app_key: string };

/** Realtime service API: `GET/PUT …/users`. */
@Controller('image/v2.0/appkeys/:appKey/users')
@Dialect(IMAGE_DIALECT)
export class ImageUsersController {
  constructor(private readonly rpc: RpcClient) {}

  @Get()
  async get(@ImageApp() app: App) {
    return imageOk(await this.rpc.request('images.user.get', app));
  }

  @Put()
  @HttpCode(200)
  async put(@ImageApp() app: App, @Body(new ZodPipe(putImageUserBodySchema)) body: PutImageUserBody) {
    await this.rpc.request('images.user.put', { ...app, ...body });
    return imageOk({});
  }
}
