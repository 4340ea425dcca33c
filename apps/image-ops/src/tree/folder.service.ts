import { Inject, Injectable } from '@nestjs/common';
import { DomainError, IMAGE_RESULT, RpcParsedRequest, RpcResponse } from '@mp/contracts';
import { APP_CONFIG, RpcHandler } from '@mp/platform';
import { DataSource } from 'typeorm';
import { ImageOpsConfig } from '../app.config';
import { toFileDto, toFolderDto } from './image-dto.mapper';
import { ImageTreeRepository } from './image-tree.repository';
import { ImageScope } from './image-scope';

/** Folder API: create (parents too), list a folder, folder properties. */
@Injectable()
export class FolderService {
  constructor(
    private readonly tree: ImageTreeRepository,
    private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: ImageOpsConfig,
  ) {}

  @RpcHandler('images.folder.create')
  async create(req: RpcParsedRequest<'images.folder.create'>): Promise<RpcResponse<'images.folder.create'>> {
    const folder = await this.db.transaction(async (m) => {
      await this.tree.lockFolder(m, req, req.path);
      return this.tree.ensureFolders(m, req, req.path);
    });
    return { folder: toFolderDto(folder) };
  }

  @RpcHandler('images.folder.list')
  async list(req: RpcParsedRequest<'images.folder.list'>): Promise<RpcResponse<'images.folder.list'>> {
    await this.requireFolder(req, req.basepath);
    const offset = (req.page - 1) * req.rows;
    const createdBy = req.createdBy === '' ? undefined : req.createdBy;
    // Folders first, then files, paged as one list.
    const folders = createdBy
      ? { rows: [], total: 0 }
      : await this.tree.listFolders(req, req.basepath, { name: req.name, sort: req.sort, offset, limit: req.rows });
    const fileOffset = Math.max(0, offset - folders.total);
    const files = await this.tree.listFiles(req, req.basepath, {
      name: req.name,
      createdBy,
      sort: req.sort,
      offset: fileOffset,
      limit: req.rows - folders.rows.length,
    });
    return {
      paging: { page: req.page, rows: req.rows, totalFolderCount: folders.total, totalFileCount: files.total },
      folders: folders.rows.map(toFolderDto),
      files: files.rows.map((row) => toFileDto(this.config.IMAGE_PUBLIC_BASE_URL, req, row)),
    };
  }

  @RpcHandler('images.folder.properties')
  async properties(
    req: RpcParsedRequest<'images.folder.properties'>,
  ): Promise<RpcResponse<'images.folder.properties'>> {
    const folder = await this.requireFolder(req, req.path);
    const totals = await this.tree.totalsUnder(req, req.path);
    return {
      folder: {
        ...toFolderDto(folder),
        bytes: totals.bytes,
        totalFolderCount: totals.folders,
        totalFileCount: totals.files,
      },
    };
  }

  private async requireFolder(scope: ImageScope, path: string) {
    const folder =
      path === '/'
        ? await this.db.transaction((m) => this.tree.ensureFolders(m, scope, '/'))
        : await this.tree.findFolder(scope, path);
    if (!folder) throw new DomainError('NotFound', `No folder ${path}`, { resultCode: IMAGE_RESULT.pathNotFound.code });
    return folder;
  }
}
