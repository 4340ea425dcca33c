import { Controller, Get, HttpCode, Post, Query, Req } from '@nestjs/common';
import {
  BulkUploadErrors,
  BulkUploadTask,
  createBulkUploadQuerySchema,
  DomainError,
  listBulkUploadsQuerySchema,
} from '@mp/contracts';
import { RpcClient } from '@mp/platform';
import type { FastifyRequest } from 'fastify';
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { CurrentMediaUser, MediaPrincipal } from './media-principal';
import { MediaValidationPipe } from './media-validation.pipe';
import { BestEffortCleanup } from '../http/best-effort-cleanup';
import { bulkUploadErrors } from './bulk-upload-errors';
import { BulkUploadZipReceiver } from './bulk-upload-zip.receiver';
import { onlyTrailingSlash } from './trailing-slash';
import { Dialect } from '../dialects/dialect.decorator';
import { MEDIA_API_DIALECT } from './media-api.dialect';

const taskIdSchema = z.uuid({ error: 'task_id must be a UUID' });

/** Seed 003 `/api/v1/products/bulk-upload/`: a ZIP of products processed in the background by files. */
@Controller('api/v1/products/bulk-upload')
@Dialect(MEDIA_API_DIALECT)
export class BulkUploadController {
  constructor(
    private readonly rpc: RpcClient,
    private readonly receiver: BulkUploadZipReceiver,
    private readonly cleanup: BestEffortCleanup,
  ) {}

  @Post(['', '*'])
  @HttpCode(200)
  async create(
    @CurrentMediaUser() user: MediaPrincipal,
    @Query(new MediaValidationPipe(createBulkUploadQuerySchema, 'query'))
    query: z.output<typeof createBulkUploadQuerySchema>,
    @Req() request: FastifyRequest,
  ): Promise<BulkUploadTask> {
    onlyTrailingSlash(request);
    const taskId = randomUUID();
    const zip = await this.receiver.receive(request, user.team_id, taskId);
    try {
      return await this.rpc.request('files.bulk-upload.create', {
        team_id: user.team_id,
        owner_id: user.user_id,
        task_id: taskId,
        filename: zip.filename,
        object_key: zip.objectKey,
        caption_products: query.caption_products,
        skip_existing_skus: query.skip_existing_skus,
        shooting_id: query.shooting_id ?? null,
      });
    } catch (err) {
      await this.cleanup.deleteObjects('delete unregistered bulk-upload zip', [zip.objectKey]);
      throw err;
    }
  }

  /**
   * `GET …/bulk-upload/` (list), `GET …/bulk-upload/{task_id}` (get) and `GET …/bulk-upload/{task_id}/errors`
   * share one wildcard route: Nest strips trailing slashes from route paths, and the seed's list path ends in one.
   */
  @Get(['', '*'])
  async read(
    @CurrentMediaUser() user: MediaPrincipal,
    @Req() request: FastifyRequest,
  ): Promise<BulkUploadTask | BulkUploadTask[] | BulkUploadErrors> {
    const rest = (request.params as Record<string, string | undefined>)['*'] ?? '';
    if (rest === '') {
      const query = new MediaValidationPipe(listBulkUploadsQuerySchema, 'query').transform(request.query);
      return (
        await this.rpc.request('files.bulk-upload.list', { ...query, team_id: user.team_id, owner_id: user.user_id })
      ).tasks;
    }
    const [id, action, ...more] = rest.split('/');
    if (more.length > 0 || (action !== undefined && action !== 'errors'))
      throw new DomainError('NoSuchRoute', 'No such route');
    const taskId = new MediaValidationPipe(taskIdSchema, 'path').transform(id);
    const task = await this.rpc.request('files.bulk-upload.get', {
      team_id: user.team_id,
      owner_id: user.user_id,
      task_id: taskId,
    });
    return action === 'errors' ? bulkUploadErrors(task) : task;
  }
}
