import { DomainError } from '@mp/contracts';
import { strictMock } from '@mp/testing';
import { ObjectStorage } from '@mp/storage';
import { SearchIndexerConfig } from '../app.config';
import { FileSearchService } from './file-search.service';
import { IndexedFile, SearchBackend, SearchQuery } from './search-backend';

const TEAM = '11111111-1111-4111-8111-111111111111';
const TTL = 604800;

function file(overrides: Partial<IndexedFile> = {}): IndexedFile {
  return {
    file_id: 'f1',
    object_key: `aiapi/${TEAM}/inputs/1_photo.png`,
    filename: 'photo.png',
    content_type: 'image/png',
    size: 1048576,
    folder: 'inputs',
    created_at: new Date('2025-12-14T10:00:00.000Z'),
    expires_at: null,
    metadata: { project: 'avatar-gen', tags: ['portrait'] },
    ...overrides,
  };
}

describe('FileSearchService', () => {
  const presigned: { key: string; expiresInSeconds: number; downloadName?: string }[] = [];
  let searched: SearchQuery[];

  function service(files: IndexedFile[], total: number) {
    searched = [];
    presigned.length = 0;
    const backend = strictMock<SearchBackend>({
      search: async (q) => {
        searched.push(q);
        return { total, files };
      },
    });
    const storage = strictMock<ObjectStorage>({
      presignGet: async (options: { key: string; expiresInSeconds: number; downloadName?: string }) => {
        presigned.push(options);
        return `https://s3.test/${options.key}?X-Amz-Expires=${options.expiresInSeconds}`;
      },
    } as Partial<ObjectStorage>);
    return new FileSearchService(backend, storage, { DOWNLOAD_URL_TTL_SECONDS: TTL } as SearchIndexerConfig);
  }

  const request = {
    team_id: TEAM,
    filters: { folder: 'inputs' },
    sort_by: 'created_at',
    sort_order: 'desc' as const,
    page: 2,
    page_size: 10,
  };

  it('renders hits with the stored metadata and a signed URL, and counts pages', async () => {
    const result = await service([file()], 42).query(request);
    expect(result).toEqual({
      files: [
        {
          object_key: `aiapi/${TEAM}/inputs/1_photo.png`,
          filename: 'photo.png',
          content_type: 'image/png',
          size: 1048576,
          folder: 'inputs',
          created_at: '2025-12-14T10:00:00.000Z',
          url: `https://s3.test/aiapi/${TEAM}/inputs/1_photo.png?X-Amz-Expires=${TTL}`,
          metadata: { project: 'avatar-gen', tags: ['portrait'] },
        },
      ],
      total: 42,
      page: 2,
      page_size: 10,
      total_pages: 5,
    });
    expect(presigned).toEqual([
      { key: `aiapi/${TEAM}/inputs/1_photo.png`, contentType: 'image/png', expiresInSeconds: TTL },
    ]);
    expect(searched[0]).toMatchObject({
      team_id: TEAM,
      filters: [{ kind: 'term', field: 'folder', value: 'inputs' }],
      page: 2,
      page_size: 10,
    });
  });

  it('never signs a URL beyond the file expiry', async () => {
    const soon = new Date(Date.now() + 3600_000 + 500);
    await service([file({ expires_at: soon })], 1).query(request);
    expect(presigned[0].expiresInSeconds).toBeGreaterThanOrEqual(3599);
    expect(presigned[0].expiresInSeconds).toBeLessThanOrEqual(3600);
  });

  it('answers zero pages for no hits', async () => {
    expect(await service([], 0).query(request)).toEqual({
      files: [],
      total: 0,
      page: 2,
      page_size: 10,
      total_pages: 0,
    });
  });

  it('rejects an invalid request before reaching the backend', async () => {
    const svc = service([], 0);
    await expect(svc.query({ ...request, filters: { team_id: 'kim' } })).rejects.toBeInstanceOf(DomainError);
    expect(searched).toEqual([]);
  });
});
