import { FileRecordsPage } from '@mp/contracts';
import { SearchBackend } from '../search/search-backend';

export interface ReindexOptions {
  backend: SearchBackend;
  /** One page of the files service's records after the cursor (`files.records.page`). */
  fetchPage: (request: { after?: string; limit: number }) => Promise<FileRecordsPage>;
  pageSize: number;
  onProgress?: (progress: { pages: number; documents: number }) => void;
}

/**
 * Rebuilds the search index from the files service's records: a fresh index is filled page by
 * page, then swapped in (see IndexRebuild). Any failure drops the half-built index and rethrows,
 * leaving the live one as it was.
 */
export async function reindexFromFiles(
  options: ReindexOptions,
): Promise<{ pages: number; read: number; documents: number }> {
  const rebuild = await options.backend.startRebuild();
  let pages = 0;
  let read = 0;
  try {
    let after: string | undefined;
    do {
      const page = await options.fetchPage({ ...(after ? { after } : {}), limit: options.pageSize });
      await rebuild.write(page.files);
      pages += 1;
      read += page.files.length;
      options.onProgress?.({ pages, documents: read });
      after = page.next ?? undefined;
    } while (after);
    const { documents } = await rebuild.finish();
    return { pages, read, documents };
  } catch (err) {
    await rebuild.abort();
    throw err;
  }
}
