import { Injectable } from '@nestjs/common';
import { DomainError, FileRecordsPage, RpcParsedRequest } from '@mp/contracts';
import { RpcHandler } from '@mp/platform';
import { Clock } from '../clock/clock';
import { toFileDocument } from './file-document.mapper';
import { FileRepository } from './file.repository';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Every active, unexpired file's document in `file_id` order, a page at a time (for rebuilding a search index). */
@Injectable()
export class FileRecordsService {
  constructor(
    private readonly files: FileRepository,
    private readonly clock: Clock,
  ) {}

  @RpcHandler('files.records.page')
  async page(request: RpcParsedRequest<'files.records.page'>): Promise<FileRecordsPage> {
    if (request.after !== undefined && !UUID.test(request.after)) {
      throw new DomainError('ValidationFailed', 'after: must be a file_id (the `next` of the previous page)', {
        issues: [{ field: 'after', message: 'must be a file_id' }],
      });
    }
    const rows = await this.files.pageActive(request.after?.toLowerCase() ?? null, request.limit + 1, this.clock.now());
    const page = rows.slice(0, request.limit);
    return { files: page.map(toFileDocument), next: rows.length > request.limit ? page[page.length - 1].id : null };
  }
}
