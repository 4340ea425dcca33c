import { Inject, Injectable } from '@nestjs/common';
import { DomainError, IMAGE_RESULT, RpcParsedRequest, RpcResponse } from '@mp/contracts';
import { APP_CONFIG, RpcHandler } from '@mp/platform';
import { DataSource } from 'typeorm';
import { ImageOpsConfig } from '../app.config';
import { OperationQueuePlanner } from '../execution/operation-queue.planner';
import { toQueueDto } from '../execution/queue-item.repository';
import { ImageScope } from '../tree/image-scope';
import { ImageDeleteRepository } from './image-delete.repository';
import { ImageObjectRemover } from './image-object.remover';

/** Delete API: sync (one folder or file, done before answering) and async (a `delete` queue item). */
@Injectable()
export class ImageDeleteService {
  constructor(
    private readonly db: DataSource,
    private readonly deletes: ImageDeleteRepository,
    private readonly planner: OperationQueuePlanner,
    private readonly remover: ImageObjectRemover,
    @Inject(APP_CONFIG) private readonly config: ImageOpsConfig,
  ) {}

  @RpcHandler('images.delete.sync')
  async deleteSync(req: RpcParsedRequest<'images.delete.sync'>): Promise<RpcResponse<'images.delete.sync'>> {
    if (req.folderId === undefined && req.fileId === undefined)
      throw new DomainError('ValidationFailed', 'folderId or fileId is required');
    const keys = await this.db.transaction(async (m) => {
      const objectKeys: string[] = [];
      if (req.folderId !== undefined) {
        const path = await this.deletes.folderPath(m, req, req.folderId);
        if (path === null) throw notFound('folder', req.folderId);
        if (path === '/') throw new DomainError('ValidationFailed', 'folderId: the root folder cannot be deleted');
        objectKeys.push(...(await this.deletes.deleteFolder(m, req, path, req.includeThumbnail)).objectKeys);
      }
      if (req.fileId !== undefined) {
        if ((await this.deletes.missing(m, req, 'files', [req.fileId])).length) throw notFound('file', req.fileId);
        objectKeys.push(...(await this.deletes.deleteFiles(m, req, [req.fileId], req.includeThumbnail)).objectKeys);
      }
      return objectKeys;
    });
    await this.remover.remove(keys);
    return {};
  }

  /** Refuses unknown ids up front (20004); the records and objects are removed by the job. */
  @RpcHandler('images.delete.async')
  async deleteAsync(req: RpcParsedRequest<'images.delete.async'>): Promise<RpcResponse<'images.delete.async'>> {
    const scope: ImageScope = req;
    const item = await this.db.transaction(async (m) => {
      const missingFolders = await this.deletes.missing(m, scope, 'folders', req.folderIds);
      if (missingFolders.length) throw notFound('folder', missingFolders[0]);
      const missingFiles = await this.deletes.missing(m, scope, 'files', req.fileIds);
      if (missingFiles.length) throw notFound('file', missingFiles[0]);
      return this.planner.planDelete(m, scope, {
        folderIds: req.folderIds,
        fileIds: req.fileIds,
        includeThumbnail: req.includeThumbnail,
      });
    });
    await this.planner.enqueue([item]);
    return { queue: toQueueDto(this.config.IMAGE_PUBLIC_BASE_URL, item) };
  }
}

function notFound(kind: 'file' | 'folder', id: string): DomainError {
  return new DomainError('NotFound', `No ${kind} with id ${id}`, { resultCode: IMAGE_RESULT.pathNotFound.code });
}
