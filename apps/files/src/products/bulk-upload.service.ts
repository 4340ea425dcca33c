import { Injectable } from '@nestjs/common';
import { BulkUploadTask, DomainError, RpcParsedRequest } from '@mp/contracts';
import { JobQueue, RpcHandler } from '@mp/platform';
import { ObjectStorage } from '@mp/storage';
import { MediaUrls } from '../media-resources/media-url';
import { toBulkUploadTask } from './bulk-upload-task.mapper';
import { BulkUploadRepository } from './bulk-upload.repository';

/** The seed's `/api/v1/products/bulk-upload/` behind the gateway: tasks are created here, processed by ProcessBulkUpload. */
@Injectable()
export class BulkUploadService {
  constructor(
    private readonly tasks: BulkUploadRepository,
    private readonly storage: ObjectStorage,
    private readonly queue: JobQueue,
    private readonly urls: MediaUrls,
  ) {}

  @RpcHandler('files.bulk-upload.create')
  async create(request: RpcParsedRequest<'files.bulk-upload.create'>): Promise<BulkUploadTask> {
    if (!request.object_key.startsWith(`bulk-uploads/${request.team_id}/`)) {
      throw new DomainError('ValidationFailed', 'object_key must be under the team’s bulk-uploads/ prefix', {
        field: 'object_key',
      });
    }
    if (!(await this.storage.head(request.object_key)))
      throw new DomainError('ValidationFailed', 'The uploaded ZIP file is missing from the store', { field: 'file' });
    const row = await this.tasks.insert({
      id: request.task_id,
      team_id: request.team_id,
      owner_id: request.owner_id,
      filename: request.filename,
      object_key: request.object_key,
      caption_products: request.caption_products,
      skip_existing_skus: request.skip_existing_skus,
      shooting_id: request.shooting_id,
    });
    if (row.team_id !== request.team_id) throw new DomainError('Conflict', 'task_id is taken', { field: 'task_id' });
    await this.queue.enqueue(
      { name: 'ProcessBulkUpload', data: { task_id: row.id } },
      { jobId: `bulk-upload-${row.id}` },
    );
    return toBulkUploadTask(row, this.urls);
  }

  @RpcHandler('files.bulk-upload.list')
  async list(request: RpcParsedRequest<'files.bulk-upload.list'>): Promise<{ tasks: BulkUploadTask[] }> {
    const rows = await this.tasks.list(request.team_id, request.owner_id, request);
    return { tasks: rows.map((r) => toBulkUploadTask(r, this.urls)) };
  }

  @RpcHandler('files.bulk-upload.get')
  async get(request: RpcParsedRequest<'files.bulk-upload.get'>): Promise<BulkUploadTask> {
    const row = await this.tasks.findOwned(request.team_id, request.owner_id, request.task_id);
    if (!row) throw new DomainError('NotFound', 'Bulk upload task not found', { task_id: request.task_id });
    return toBulkUploadTask(row, this.urls);
  }
}
