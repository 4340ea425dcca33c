import { Body, Controller, Delete, Get, HttpCode, Inject, Param, Post, Put, Query } from '@nestjs/common';
import {
  deleteImageOperationQuerySchema,
  ExecImageOperationsBody,
  execImageOperationsBodySchema,
  imageOperationIdSchema,
  imageQueueIdSchema,
  ListImageOperationsQuery,
  listImageOperationsQuerySchema,
  PutImageOperationBody,
  putImageOperationBodySchema,
} from '@mp/contracts';
import { APP_CONFIG, RpcClient } from '@mp/platform';
import { z } from 'zod';
import { GatewayConfig } from '../app.config';
import { ZodPipe } from '../http/zod-validation.pipe';
import { ImageApp } from './image-app.decorator';
import { assertCallbackPorts, stepCallbackUrls } from './image-callback-ports';
import { imageOk } from './image-response';
import { Dialect } from '../dialects/dialect.decorator';
import { IMAGE_DIALECT } from './image.dialect';

type App = { team_id: string; app_key: string };

const operationIdPipe = new ZodPipe(imageOperationIdSchema.describe('operationId'));

/** Image operation API, asynchronous execution and the queue item lookup. */
@Controller('image/v2.0/appkeys/:appKey')
@Dialect(IMAGE_DIALECT)
export class ImageOperationsController {
  constructor(
    private readonly rpc: RpcClient,
    @Inject(APP_CONFIG) private readonly config: GatewayConfig,
  ) {}

  @Put('operations/:operationId')
  @HttpCode(200)
  async put(
    @ImageApp() app: App,
    @Param('operationId', operationIdPipe) operationId: string,
    @Body(new ZodPipe(putImageOperationBodySchema)) body: PutImageOperationBody,
  ) {
    assertCallbackPorts(stepCallbackUrls(body.data), this.config.OUTBOUND_ALLOWED_PORTS);
    return imageOk(await this.rpc.request('images.operation.put', { ...app, operationId, ...body }));
  }

  @Get('operations')
  async list(
    @ImageApp() app: App,
    @Query(new ZodPipe(listImageOperationsQuerySchema)) query: ListImageOperationsQuery,
  ) {
    return imageOk(await this.rpc.request('images.operation.list', { ...app, ...query }));
  }

  @Get('operations/:operationId')
  async get(@ImageApp() app: App, @Param('operationId', operationIdPipe) operationId: string) {
    return imageOk(await this.rpc.request('images.operation.get', { ...app, operationId }));
  }

  @Delete('operations/:operationId')
  @HttpCode(200)
  async delete(
    @ImageApp() app: App,
    @Param('operationId', operationIdPipe) operationId: string,
    @Query(new ZodPipe(deleteImageOperationQuerySchema)) query: z.infer<typeof deleteImageOperationQuerySchema>,
  ) {
    await this.rpc.request('images.operation.delete', { ...app, operationId, deleteThumbnail: query.deleteThumbnail });
    return imageOk({});
  }

  @Post('operations-exec')
  @HttpCode(200)
  async exec(@ImageApp() app: App, @Body(new ZodPipe(execImageOperationsBodySchema)) body: ExecImageOperationsBody) {
    assertCallbackPorts([body.callbackUrl], this.config.OUTBOUND_ALLOWED_PORTS);
    const result = await this.rpc.request('images.operations.exec', { ...app, ...body }, { timeoutMs: 30_000 });
    return imageOk({
      paging: { page: 1, rows: result.operations.length, totalCount: result.operations.length },
      ...result,
    });
  }

  @Get('queues/:queueId')
  async queue(@ImageApp() app: App, @Param('queueId', new ZodPipe(imageQueueIdSchema)) queueId: string) {
    return imageOk(await this.rpc.request('images.queue.get', { ...app, queueId }));
  }
}
