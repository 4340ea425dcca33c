import { ObjectStorage } from '@mp/storage';
import {
  createTeamWithKeys,
  createTestInfra,
  PlatformProcesses,
  TeamKeys,
  TestInfra,
  testObjectStorage,
  waitFor,
} from '@mp/testing';
import { deflateSync } from 'node:zlib';

type ErrorBody = { detail: string; error: { code: string } };

/** A real PNG of w×h (solid colour), built by hand so the test needs no image library. */
function png(width: number, height: number): Buffer {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (buf: Buffer) => {
    let c = 0xffffffff;
    for (const b of buf) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type: string, data: Buffer) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const sum = Buffer.alloc(4);
    sum.writeUInt32BE(crc(body));
    return Buffer.concat([len, body, sum]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8;
  ihdr[9] = 2;
  const raw = Buffer.alloc((width * 3 + 1) * height);
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) raw.set([200, 30, 90], y * (width * 3 + 1) + 1 + x * 3);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** Seed 000's JavaScript `uploadFile`, verbatim in behaviour: upload-url, FormData fields then file last, POST. */
async function uploadFile(
  baseUrl: string,
  apiKey: string,
  file: { name: string; bytes: Buffer; type?: string },
  folder = 'inputs',
  metadata?: Record<string, unknown>,
) {
  const urlResponse = await fetch(`${baseUrl}/v1/files/upload-url`, {
    method: 'POST',
    headers: { 'X-API-Key': apiKey, 'Content-Type': 'application/json' },
    body: JSON.stringify({ filename: file.name, folder, ...(metadata ? { metadata } : {}) }),
  });
  expect(urlResponse.status).toBe(200);
  const data = (await urlResponse.json()) as {
    upload_url: string;
    upload_fields: Record<string, string>;
    file_url: string;
    object_key: string;
    folder: string;
  };
  const formData = new FormData();
  Object.entries(data.upload_fields).forEach(([key, value]) => formData.append(key, value));
  formData.append(
    'file',
    new Blob([new Uint8Array(file.bytes)], { type: file.type ?? 'application/octet-stream' }),
    file.name,
  );
  const uploadResponse = await fetch(data.upload_url, { method: 'POST', body: formData });
  return { ...data, uploadStatus: uploadResponse.status };
}

async function searchFiles(
  baseUrl: string,
  apiKey: string,
  filters: Record<string, unknown>,
  options: { page?: number; pageSize?: number } = {},
) {
  const response = await fetch(`${baseUrl}/v1/files/storage/search`, {
    method: 'POST',
    headers: { 'X-API-Key': apiKey, 'Content-Type': 'application/json' },
    body: JSON.stringify({
      filters,
      page: options.page ?? 1,
      page_size: options.pageSize ?? 20,
      sort_by: 'created_at',
      sort_order: 'desc',
    }),
  });
  expect(response.status).toBe(200);
  return (await response.json()) as {
    files: Array<Record<string, unknown>>;
    total: number;
    page: number;
    page_size: number;
    total_pages: number;
  };
}

describe('storage API upload → search spine (seed 000 clients, real processes)', () => {
  let infra: TestInfra;
  let platform: PlatformProcesses;
  let teamA: TeamKeys;
  let teamB: TeamKeys;
  let storage: ObjectStorage;
  const keyOf = (t: TeamKeys) => t.keys.cdt!.key!;

  beforeAll(async () => {
    infra = await createTestInfra({ s3: true });
    platform = await PlatformProcesses.start({ ...infra.env, RECONCILE_INTERVAL_MS: '1000' }, [
      'quota-billing',
      'files',
      'search-indexer',
      'gateway',
    ]);
    teamA = await createTeamWithKeys(platform.gatewayUrl, 'team-a', ['cdt', 'kikaku']);
    teamB = await createTeamWithKeys(platform.gatewayUrl, 'team-b', ['cdt']);
    storage = testObjectStorage(infra.env);
  });

  afterAll(async () => {
    await platform?.stopAll();
    await infra?.dispose();
  });

  it('uploads exactly like the seed JavaScript client and finds the file by folder + content_type', async () => {
    const bytes = png(64, 48);
    const upload = await uploadFile(
      platform.gatewayUrl,
      keyOf(teamA),
      { name: 'reference_image.png', bytes, type: 'image/png' },
      'inputs',
      {
        project: 'avatar-gen',
        tags: ['portrait', 'input'],
      },
    );
    expect(upload.uploadStatus).toBeLessThan(300);
    expect(upload.object_key).toMatch(new RegExp(`^aiapi/${teamA.teamId}/inputs/\\d{13}_reference_image\\.png$`));
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
    expect(upload.upload_fields.key).toBe(upload.object_key);
    expect(upload.upload_fields['Content-Type']).toBe('image/png');

    const found = await waitFor(
      async () => {
        const result = await searchFiles(platform.gatewayUrl, keyOf(teamA), {
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

  it('rejects and deletes an object over 50 MB; it never appears in search', async () => {
    const big = Buffer.alloc(50 * 1024 * 1024 + 1, 7);
    const upload = await uploadFile(platform.gatewayUrl, keyOf(teamA), { name: 'huge.bin', bytes: big }, 'oversize');
    // The embedded store, like MinIO, does not enforce the policy's size range: the platform must.
    await waitFor(async () => (upload.uploadStatus >= 400 ? true : (await storage.head(upload.object_key)) === null), {
      timeoutMs: 30_000,
      what: 'the oversize object to be deleted',
    });
    const result = await searchFiles(platform.gatewayUrl, keyOf(teamA), { folder: 'oversize' });
    expect(result.total).toBe(0);
  });

  it('rejects a file whose bytes contradict its declared type', async () => {
    const upload = await uploadFile(
      platform.gatewayUrl,
      keyOf(teamA),
      { name: 'fake.png', bytes: Buffer.from('#!/bin/sh\necho not an image\n') },
      'fakes',
    );
    expect(upload.uploadStatus).toBeLessThan(300);
    await waitFor(async () => (await storage.head(upload.object_key)) === null, {
      timeoutMs: 20_000,
      what: 'the fake image to be deleted',
    });
    expect((await searchFiles(platform.gatewayUrl, keyOf(teamA), { folder: 'fakes' })).total).toBe(0);
  });

  it("never shows team A's files to team B", async () => {
    const upload = await uploadFile(
      platform.gatewayUrl,
      keyOf(teamA),
      { name: 'private.png', bytes: png(8, 8) },
      'private',
    );
    await waitFor(
      async () => (await searchFiles(platform.gatewayUrl, keyOf(teamA), { folder: 'private' })).total === 1,
      { timeoutMs: 20_000, what: 'indexing' },
    );
    const asB = await searchFiles(platform.gatewayUrl, keyOf(teamB), { folder: 'private' });
    expect(asB.total).toBe(0);
    expect(asB.files).toEqual([]);
    expect(upload.object_key.startsWith(`aiapi/${teamA.teamId}/`)).toBe(true);
  });

  it('activates a file uploaded while the files service was restarting', async () => {
    const urlResponse = await fetch(`${platform.gatewayUrl}/v1/files/upload-url`, {
      method: 'POST',
      headers: { 'X-API-Key': keyOf(teamA), 'Content-Type': 'application/json' },
      body: JSON.stringify({ filename: 'during-restart.png', folder: 'restart' }),
    });
    const data = (await urlResponse.json()) as {
      upload_url: string;
      upload_fields: Record<string, string>;
      object_key: string;
    };
    expect(await platform.stopApp('files')).toBe(0);
    const form = new FormData();
    Object.entries(data.upload_fields).forEach(([k, v]) => form.append(k, v));
    form.append('file', new Blob([new Uint8Array(png(16, 16))]), 'during-restart.png');
    expect((await fetch(data.upload_url, { method: 'POST', body: form })).status).toBeLessThan(300);
    await platform.startApp('files');
    await waitFor(
      async () => (await searchFiles(platform.gatewayUrl, keyOf(teamA), { folder: 'restart' })).total === 1,
      { timeoutMs: 20_000, what: 'the file to be activated after restart' },
    );
  });

  it('answers bad input with 4xx in the storage dialect, never 500', async () => {
    const post = (path: string, body: unknown, headers: Record<string, string> = { 'X-API-Key': keyOf(teamA) }) =>
      fetch(`${platform.gatewayUrl}${path}`, {
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
      { 'X-API-Key': teamA.keys.kikaku!.key! },
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
