import { Inject, Injectable } from '@nestjs/common';
import { FileSearchHit, FileSearchResult } from '@mp/contracts';
import { APP_CONFIG, RpcHandler } from '@mp/platform';
import { ObjectStorage } from '@mp/storage';
import { SearchIndexerConfig } from '../app.config';
import { IndexedFile, SEARCH_BACKEND, SearchBackend } from './search-backend';
import { parseSearchRequest, SearchRequest } from './search-request.parser';

/** `POST /v1/files/storage/search` (seed 000): the team's live files, filtered, sorted and paged. */
@Injectable()
export class FileSearchService {
  constructor(
    @Inject(SEARCH_BACKEND) private readonly backend: SearchBackend,
    private readonly storage: ObjectStorage,
    @Inject(APP_CONFIG) private readonly config: SearchIndexerConfig,
  ) {}

  @RpcHandler('search.files.query')
  async query(request: SearchRequest): Promise<FileSearchResult> {
    const now = new Date();
    const query = parseSearchRequest(request, { now });
    const result = await this.backend.search(query);
    return {
      files: await Promise.all(result.files.map((file) => this.toHit(file, now))),
      total: result.total,
      page: query.page,
      page_size: query.page_size,
      total_pages: Math.ceil(result.total / query.page_size),
    };
  }

  /**
   * The client's metadata as stored, and a download URL valid no longer than the file itself.
   * Signed like `files`' `file_url` (served inline), so it works as a model input URL too.
   */
  private async toHit(file: IndexedFile, now: Date): Promise<FileSearchHit> {
    const secondsLeft = file.expires_at ? Math.floor((file.expires_at.getTime() - now.getTime()) / 1000) : Infinity;
    const expiresInSeconds = Math.max(1, Math.min(this.config.DOWNLOAD_URL_TTL_SECONDS, secondsLeft));
    return {
      object_key: file.object_key,
      filename: file.filename,
      content_type: file.content_type,
      size: file.size,
      folder: file.folder,
      created_at: file.created_at.toISOString(),
      url: await this.storage.presignGet({ key: file.object_key, contentType: file.content_type, expiresInSeconds }),
      metadata: file.metadata,
    };
  }
}
