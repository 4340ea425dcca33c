import { ObjectStorage } from '@mp/storage';
import { strictMock } from '@mp/testing';
import type { Logger } from 'pino';
import { MultipartSweeper } from './multipart-sweeper';
import { S3ApiConfig } from './s3-api.config';
import { S3MultipartOperations } from './s3-multipart-operations.service';

const NOW = Date.parse('2026-12-04T12:00:00Z');
const manifest = (uploadId: string) => ({
  key: `k-${uploadId}`,
  content_type: 'application/octet-stream',
  metadata: {},
  reservation_id: `r-${uploadId}`,
  initiated: '2026-12-01T00:00:00Z',
  team_id: 'team',
  key_id: 'key',
});

describe('MultipartSweeper', () => {
  it('aborts the uploads older than the maximum age, page by page, and leaves parts and younger uploads', async () => {
    const listed = [
      { key: 's3api-multipart/team/key/old-1/upload.json', lastModified: new Date(NOW - 2 * 3600_000) },
      { key: 's3api-multipart/team/key/old-1/part-00001', lastModified: new Date(NOW - 2 * 3600_000) },
      { key: 's3api-multipart/team/key/young/upload.json', lastModified: new Date(NOW - 60_000) },
    ];
    const pages = [
      { objects: listed.slice(0, 2), commonPrefixes: [], nextMarker: listed[1].key },
      { objects: listed.slice(2), commonPrefixes: [] },
    ];
    const markers: (string | undefined)[] = [];
    const storage = strictMock<ObjectStorage>({
      listPage: async ({ marker }) => {
        markers.push(marker);
        const page = pages[markers.length - 1];
        return { ...page, objects: page.objects.map((o) => ({ ...o, size: 1, etag: 'e' })) };
      },
      readHead: async ({ key }) => Buffer.from(JSON.stringify(manifest(key.split('/').at(-2)!))),
    });
    const discarded: string[] = [];
    const multipart = strictMock<S3MultipartOperations>({
      discard: async (principal, uploadId, m) => {
        expect(principal).toEqual({ team_id: 'team', key_id: 'key' });
        expect(m.reservation_id).toBe(`r-${uploadId}`);
        discarded.push(uploadId);
      },
    });
    const config = {
      S3_API_MULTIPART_MAX_AGE_SECONDS: 3600,
      S3_API_MULTIPART_SWEEP_INTERVAL_SECONDS: 0,
    } as S3ApiConfig;
    const logger = strictMock<Logger>({ info: () => undefined });
    const sweeper = new MultipartSweeper(storage, multipart, config, logger);
    expect(await sweeper.sweep(NOW)).toBe(1);
    expect(discarded).toEqual(['old-1']);
    expect(markers).toEqual([undefined, listed[1].key]);
  });
});
