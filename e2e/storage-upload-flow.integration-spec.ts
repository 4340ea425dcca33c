import { ObjectStorage } from '@mp/storage';
import { platformSuite, solidPng, TeamKeys, testObjectStorage, waitFor } from '@mp/testing';
import { searchFiles as seedSearchFiles, SearchOptions, uploadFile } from './support/seed-000-client';

type ErrorBody = { detail: string; error: { code: string } };

type SearchPage = {
  files: Array<Record<string, unknown>>;
  total: number;
  page: number;
  page_size: number;
  total_pages: number;
};

async function searchFiles(baseUrl: string, apiKey: string, filters: Record<string, unknown>, options?: SearchOptions) {
  const { status, body } = await seedSearchFiles<SearchPage>(baseUrl, apiKey, filters, options);
  expect(status).toBe(200);
  return body;
}

describe('storage API upload → search spine (seed 000 clients, real processes)', () => {
  const suite = platformSuite({
    apps: ['quota-billing', 'files', 'search-indexer', 'gateway'],
    env: { RECONCILE_INTERVAL_MS: '1000' },
    teams: { 'team-a': ['cdt', 'kikaku'], 'team-b': ['cdt'] },
  });
  let storage: ObjectStorage;
  const keyOf = (t: TeamKeys) => t.keys.cdt!.key!;

  beforeAll(() => {
    storage = testObjectStorage(suite.infra.env);
  });

  it('uploads exactly like the seed JavaScript client and finds the file by folder + content_type', async () => {
    const bytes = solidPng(64, 48);
    const upload = await uploadFile(
      suite.gatewayUrl,
      keyOf(suite.team('team-a')),
      { name: 'reference_image.png', bytes, type: 'image/png' },
      'inputs',
      {
        project: 'avatar-gen',
        tags: ['portrait', 'input'],
      },
    );
    expect(upload.uploadStatus).toBeLessThan(300);
    expect(upload.object_key).toMatch(
      new RegExp(`^aiapi/${suite.team('team-a').teamId}/inputs/\\d{13}_reference_image\\.png$`),
    );
    expect(upload.folder).toBe('inputs');
    expect(Object.keys(upload.upload_fields)).toEqual(
      expect.arrayContaining([
        'key',
        'Content-Type',
        'policy',
        'x-amz-algorithm',
        'x-amz-credential',
        'x-amz-date',
        'x-amz-signature',
      ]),
    );
    // The form writes to the session's staging key; the verified file appears at object_key.
    expect(upload.upload_fields.key).toMatch(
      new RegExp(`^aiapi/\\.uploads/${suite.team('team-a').teamId}/[0-9a-f-]{36}$`),
    );
    expect(upload.upload_fields['Content-Type']).toBe('image/png');

    const found = await waitFor(
      async () => {
        const result = await searchFiles(suite.gatewayUrl, keyOf(suite.team('team-a')), {
          content_type: 'image/png',
          folder: 'inputs',
        });
        return result.files.find((f) => f.object_key === upload.object_key) ? result : undefined;
      },
      { timeoutMs: 20_000, what: 'the uploaded file to be searchable' },
    );
    const hit = found.files.find((f) => f.object_key === upload.object_key)!;
    expect(hit).toMatchObject({
      filename: 'reference_image.png',
      content_type: 'image/png',
      size: bytes.length,
      folder: 'inputs',
    });
    expect(hit.metadata).toMatchObject({ project: 'avatar-gen', tags: ['portrait', 'input'] });
    expect(found).toMatchObject({ total: 1, page: 1, page_size: 20, total_pages: 1 });

    const download = await fetch(hit.url as string);
    expect(download.status).toBe(200);
    expect(Buffer.from(await download.arrayBuffer()).equals(bytes)).toBe(true);
    const viaFileUrl = await fetch(upload.file_url);
    expect(viaFileUrl.status).toBe(200);
  });

  /** Neither the form's (staging) key nor the file's key holds an object. */
  const noObjectLeft = async (upload: { object_key: string; upload_fields: Record<string, string> }) =>
    (await storage.head(upload.upload_fields.key)) === null && (await storage.head(upload.object_key)) === null;

  it('rejects and deletes an object over 50 MB; it never appears in search', async () => {
    const big = Buffer.alloc(50 * 1024 * 1024 + 1, 7);
    const upload = await uploadFile(
      suite.gatewayUrl,
      keyOf(suite.team('team-a')),
      { name: 'huge.bin', bytes: big },
      'oversize',
    );
    // The embedded store, like MinIO, does not enforce the policy's size range: the platform must.
    await waitFor(async () => (upload.uploadStatus >= 400 ? true : await noObjectLeft(upload)), {
      timeoutMs: 30_000,
      what: 'the oversize object to be deleted',
    });
    const result = await searchFiles(suite.gatewayUrl, keyOf(suite.team('team-a')), { folder: 'oversize' });
    expect(result.total).toBe(0);
  });

  it('rejects a file whose bytes contradict its declared type', async () => {
    const upload = await uploadFile(
      suite.gatewayUrl,
      keyOf(suite.team('team-a')),
      { name: 'fake.png', bytes: Buffer.from('#!/bin/sh\necho not an image\n') },
      'fakes',
    );
    expect(upload.uploadStatus).toBeLessThan(300);
    await waitFor(async () => noObjectLeft(upload), {
      timeoutMs: 20_000,
      what: 'the fake image to be deleted',
    });
    expect((await searchFiles(suite.gatewayUrl, keyOf(suite.team('team-a')), { folder: 'fakes' })).total).toBe(0);
  });

  it("never shows team A's files to team B", async () => {
    const upload = await uploadFile(
      suite.gatewayUrl,
      keyOf(suite.team('team-a')),
      { name: 'private.png', bytes: solidPng(8, 8) },
      'private',
    );
    await waitFor(
      async () => (await searchFiles(suite.gatewayUrl, keyOf(suite.team('team-a')), { folder: 'private' })).total === 1,
      { timeoutMs: 20_000, what: 'indexing' },
    );
    const asB = await searchFiles(suite.gatewayUrl, keyOf(suite.team('team-b')), { folder: 'private' });
    expect(asB.total).toBe(0);
    expect(asB.files).toEqual([]);
    expect(upload.object_key.startsWith(`aiapi/${suite.team('team-a').teamId}/`)).toBe(true);
  });

  it('activates a file uploaded while the files service was restarting', async () => {
    const urlResponse = await fetch(`${suite.gatewayUrl}/v1/files/upload-url`, {
      method: 'POST',
      headers: { 'X-API-Key': keyOf(suite.team('team-a')), 'Content-Type': 'application/json' },
      body: JSON.stringify({ filename: 'during-restart.png', folder: 'restart' }),
    });
    const data = (await urlResponse.json()) as {
      upload_url: string;
      upload_fields: Record<string, string>;
      object_key: string;
    };
    expect(await suite.platform.stopApp('files')).toBe(0);
    const form = new FormData();
    Object.entries(data.upload_fields).forEach(([k, v]) => form.append(k, v));
    form.append('file', new Blob([new Uint8Array(solidPng(16, 16))]), 'during-restart.png');
    expect((await fetch(data.upload_url, { method: 'POST', body: form })).status).toBeLessThan(300);
    await suite.platform.startApp('files');
    await waitFor(
      async () => (await searchFiles(suite.gatewayUrl, keyOf(suite.team('team-a')), { folder: 'restart' })).total === 1,
      { timeoutMs: 20_000, what: 'the file to be activated after restart' },
    );
  });

  it('answers bad input with 4xx in the storage dialect, never 500', async () => {
    const post = (
      path: string,
      body: unknown,
      headers: Record<string, string> = { 'X-API-Key': keyOf(suite.team('team-a')) },
    ) =>
      fetch(`${suite.gatewayUrl}${path}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', ...headers },
        body: typeof body === 'string' ? body : JSON.stringify(body),
      });

    const missing = await post('/v1/files/upload-url', { filename: 'a.png', folder: 'inputs' }, {});
    expect(missing.status).toBe(401);
    expect(await missing.json()).toMatchObject({
      detail: expect.stringContaining('X-API-Key'),
      error: { code: 'Unauthenticated' },
    });

    const unknown = await post(
      '/v1/files/upload-url',
      { filename: 'a.png', folder: 'inputs' },
      { 'X-API-Key': 'cdt_not_a_real_key' },
    );
    expect(unknown.status).toBe(401);

    const wrongKind = await post(
      '/v1/files/upload-url',
      { filename: 'a.png', folder: 'inputs' },
      { 'X-API-Key': suite.team('team-a').keys.kikaku!.key! },
    );
    expect(wrongKind.status).toBe(403);
    expect(((await wrongKind.json()) as ErrorBody).error.code).toBe('WrongKeyKind');

    const cases: Array<[unknown, string]> = [
      [{ filename: 'a.png', folder: '../etc' }, 'folder'],
      [{ filename: 'a.png', folder: '/abs' }, 'folder'],
      [{ filename: 'a.png', folder: 'in\u0001puts' }, 'folder'],
      [{ filename: 'a.png', folder: 'x'.repeat(256) }, 'folder'],
      [{ filename: 'dir/a.png', folder: 'inputs' }, 'filename'],
      [{ filename: 'a\u0000.png', folder: 'inputs' }, 'filename'],
      [{ folder: 'inputs' }, 'filename'],
      [{ filename: 'a.png', folder: 'inputs', metadata: { blob: 'x'.repeat(10 * 1024) } }, 'metadata'],
      [{ filename: 'a.png', folder: 'inputs', metadata: ['not', 'an', 'object'] }, 'metadata'],
    ];
    for (const [body, field] of cases) {
      const res = await post('/v1/files/upload-url', body);
      expect(res.status).toBe(400);
      const payload = (await res.json()) as ErrorBody;
      expect(payload.error.code).toBe('ValidationFailed');
      expect(payload.detail).toContain(field);
    }
    const notJson = await post('/v1/files/upload-url', '{"filename": ');
    expect(notJson.status).toBe(400);
    expect(((await notJson.json()) as ErrorBody).error.code).toBe('ValidationFailed');

    const bigPage = await post('/v1/files/storage/search', { filters: {}, page_size: 101 });
    expect(bigPage.status).toBe(400);
    expect(((await bigPage.json()) as ErrorBody).detail).toContain('page_size');
  });
});
