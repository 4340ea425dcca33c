import {
  buildZip,
  buildZipWithRawNames,
  platformSuite,
  solidPng,
  TEST_ADMIN_TOKEN,
  testObjectStorage,
  waitFor,
} from '@mp/testing';
import { randomBytes } from 'node:crypto';

/** Seed 003 media resources and product bulk upload, driven over HTTP with bearer tokens as its clients do. */

const TOKEN_SECRET = 'e2e-media-resources-token-secret-0123456789';
const admin = { authorization: `Bearer ${TEST_ADMIN_TOKEN}`, 'content-type': 'application/json' };

type Detail = { detail: string | Array<{ loc: Array<string | number>; msg: string; type: string }> };
type Errors = {
  task_id: string;
  status: string;
  error_message: string | null;
  failed_products: number;
  errors: Array<{ sku: string; row: number | null; error: string }>;
};
type Lora = { object_key: string; file_url: string; filename: string; size: number; content_type: string };
type Task = {
  id: string;
  status: string;
  filename: string;
  total_products: number;
  successful_products: number;
  failed_products: number;
  results: Record<string, { status: string; error?: string; cover_image_url?: string }>;
  error_message: string | null;
};

describe('media resources and bulk upload (seed 003) through the gateway', () => {
  const suite = platformSuite({
    apps: ['quota-billing', 'files', 'search-indexer', 'gateway'],
    env: { AUTH_TOKEN_SECRET: TOKEN_SECRET, RECONCILE_INTERVAL_MS: '1000' },
    startTimeoutMs: 120_000,
  });
  let base: string;
  const tokens: Record<string, string> = {};

  async function adminPost<T>(path: string, body: unknown): Promise<T> {
    const res = await fetch(`${base}${path}`, { method: 'POST', headers: admin, body: JSON.stringify(body) });
    if (res.status !== 201) throw new Error(`${path}: ${res.status} ${await res.text()}`);
    return (await res.json()) as T;
  }

  let teamA: string;

  async function createUser(name: string, team: string, isSuperuser = false): Promise<void> {
    const username = `${name}@example.com`;
    const password = `pw-${name}-0123456789`;
    await adminPost(`/admin/v1/teams/${team}/accounts`, { username, password, is_superuser: isSuperuser });
    const res = await fetch(`${base}/api/v1/login/access-token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ username, password }).toString(),
    });
    tokens[name] = ((await res.json()) as { access_token: string }).access_token;
  }

  async function api<T = unknown>(
    name: string | null,
    method: string,
    path: string,
    body?: unknown,
  ): Promise<{ status: number; json: T }> {
    const headers: Record<string, string> = name ? { authorization: `Bearer ${tokens[name]}` } : {};
    if (body !== undefined) headers['content-type'] = 'application/json';
    const res = await fetch(`${base}${path}`, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    return { status: res.status, json: (text ? JSON.parse(text) : undefined) as T };
  }

  /** The presigned PUT flow of the seed: the returned file_url is what clients pass to ingest. */
  async function uploadTemp(name: string, filename: string, bytes: Buffer): Promise<string> {
    const presigned = await api<{ upload_url: string; file_url: string }>(
      name,
      'POST',
      '/api/v1/uploads/presigned-url',
      { folder: 'products', filename, content_type: 'image/png' },
    );
    expect(presigned.status).toBe(200);
    const put = await fetch(presigned.json.upload_url, {
      method: 'PUT',
      headers: { 'content-type': 'image/png' },
      body: new Uint8Array(bytes),
    });
    expect(put.status).toBe(200);
    return presigned.json.file_url;
  }

  async function postZip(
    name: string,
    query: string,
    zip: Buffer | null,
    filename = 'catalog.zip',
  ): Promise<{ status: number; json: unknown }> {
    const form = new FormData();
    if (zip) form.append('file', new Blob([new Uint8Array(zip)], { type: 'application/zip' }), filename);
    const res = await fetch(`${base}/api/v1/products/bulk-upload/${query}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${tokens[name]}` },
      body: form,
    });
    return { status: res.status, json: await res.json() };
  }

  beforeAll(async () => {
    base = suite.gatewayUrl;
    teamA = (await adminPost<{ id: string }>('/admin/v1/teams', { name: 'media-res-a' })).id;
    const teamB = (await adminPost<{ id: string }>('/admin/v1/teams', { name: 'media-res-b' })).id;
    await createUser('alice', teamA);
    await createUser('mallory', teamB);
    await createUser('bob', teamA);
    await createUser('root', teamA, true);
  }, 120_000);

  it('an ingested temp upload leaves the storage search (its temp URL would answer 404)', async () => {
    const cdt = (await adminPost<{ key: string }>(`/admin/v1/teams/${teamA}/api-keys`, { kind: 'cdt' })).key;
    const search = async () => {
      const r = await fetch(`${base}/v1/files/storage/search`, {
        method: 'POST',
        headers: { 'x-api-key': cdt, 'content-type': 'application/json' },
        body: JSON.stringify({ filters: { filename: 'searched.png' } }),
      });
      return ((await r.json()) as { files: Array<{ object_key: string }> }).files.map((f) => f.object_key);
    };
    const url = await uploadTemp('alice', 'searched.png', solidPng(9, 9, [1, 99, 7]));
    const [tempKey] = await waitFor(async () => ((await search()).length === 1 ? await search() : undefined), {
      timeoutMs: 20_000,
      what: 'the temp upload to be searchable',
    });
    expect(tempKey).toMatch(/^temp\//);
    const ingested = await api('alice', 'POST', '/api/v1/media-resources/ingest', {
      entity_type: 'product',
      entity_id: 'SKU-SEARCH',
      urls: [url],
    });
    expect(ingested.status).toBe(200);
    await waitFor(async () => ((await search()).length === 0 ? true : undefined), {
      timeoutMs: 20_000,
      what: 'the consumed temp upload to leave the search',
    });
  });

  it('ingests presigned uploads into media/{id}/file.{ext}, dedups identical bytes, lists and detaches', async () => {
    const png = solidPng(12, 12, [40, 80, 120]);
    const first = await uploadTemp('alice', 'front.png', png);
    const second = await uploadTemp('alice', 'front-again.png', png);
    const res = await api<{
      attachments: Array<{ id: string; resource_id: string; url: string; object_key: string; deduplicated: boolean }>;
    }>('alice', 'POST', '/api/v1/media-resources/ingest', {
      entity_type: 'product',
      entity_id: 'SKU-1',
      urls: [first],
    });
    expect(res.status).toBe(200);
    const [a] = res.json.attachments;
    expect(a.object_key).toBe(`media/${a.resource_id}/file.png`);
    // Without a CDN_URL the canonical URL is the gateway's /files/{path}: a signed redirect, never a bare (403) object URL.
    expect(a.url).toBe(`${base}/files/media/${a.resource_id}/file.png`);
    const stored = await fetch(a.url);
    expect(stored.status).toBe(200);
    expect(Buffer.from(await stored.arrayBuffer()).equals(png)).toBe(true);

    const again = await api<{ attachments: Array<{ resource_id: string; deduplicated: boolean }> }>(
      'alice',
      'POST',
      '/api/v1/media-resources/ingest',
      { entity_type: 'product', entity_id: 'SKU-2', urls: [second] },
    );
    expect(again.json.attachments[0]).toMatchObject({ resource_id: a.resource_id, deduplicated: true });

    const listed = await api<{ attachments: Array<{ id: string }> }>(
      'alice',
      'GET',
      '/api/v1/media-resources/attachments?entity_type=product&entity_id=SKU-1',
    );
    expect(listed.json.attachments.map((x) => x.id)).toEqual([a.id]);
    expect((await api('mallory', 'DELETE', `/api/v1/media-resources/attachments/${a.id}`)).status).toBe(404);
    const detached = await api('alice', 'DELETE', `/api/v1/media-resources/attachments/${a.id}`);
    expect(detached).toEqual({ status: 200, json: { id: a.id, resource_id: a.resource_id, detached: true } });
    expect(await api('alice', 'DELETE', `/api/v1/media-resources/attachments/${a.id}`)).toEqual({
      status: 404,
      json: { detail: 'Attachment not found' },
    });
  });

  it('answers bad requests in the FastAPI shape, and keeps teams apart', async () => {
    expect(
      await api(null, 'POST', '/api/v1/media-resources/ingest', {
        entity_type: 'product',
        entity_id: 'x',
        urls: ['temp/x.png'],
      }),
    ).toEqual({ status: 401, json: { detail: 'Not authenticated' } });
    const missing = await api<Detail>('alice', 'POST', '/api/v1/media-resources/ingest', { entity_id: 'x', urls: [] });
    expect(missing.status).toBe(422);
    expect(missing.json.detail).toEqual(
      expect.arrayContaining([expect.objectContaining({ loc: ['body', 'entity_type'], type: 'missing' })]),
    );
    const outside = await api<Detail>('alice', 'POST', '/api/v1/media-resources/ingest', {
      entity_type: 'product',
      entity_id: 'x',
      urls: ['temp/ok.png', 'https://elsewhere.example/media/a.png'],
    });
    expect(outside.status).toBe(422);
    expect(outside.json.detail).toEqual([expect.objectContaining({ loc: ['body', 'urls', 1] })]);
    const badId = await api<Detail>('alice', 'DELETE', '/api/v1/media-resources/attachments/not-a-uuid');
    expect(badId.status).toBe(422);

    const alices = await uploadTemp('alice', 'private.png', solidPng(4, 4, [1, 2, 3]));
    await waitFor(async () => (await fetch(alices, { redirect: 'manual' })).status === 302, {
      what: 'the upload to be served',
    });
    const stolen = await api<Detail>('mallory', 'POST', '/api/v1/media-resources/ingest', {
      entity_type: 'product',
      entity_id: 'mine',
      urls: [alices],
    });
    expect(stolen).toEqual({ status: 404, json: { detail: 'urls[0]: no such temp file' } });
  });

  it('GET …/bulk-upload/{id}/errors: the bad rows, or the zip-slip refusal of the whole task; 404 for unknown, foreign or malformed', async () => {
    const finished = async (id: string) =>
      waitFor(
        async () => {
          const t = (await api<Task>('bob', 'GET', `/api/v1/products/bulk-upload/${id}`)).json;
          return t.status === 'COMPLETED' || t.status === 'FAILED' ? t : undefined;
        },
        { timeoutMs: 30_000, what: 'the bulk upload to finish' },
      );
    const rows = await postZip(
      'bob',
      '?caption_products=false',
      await buildZip([
        { name: 'products.csv', data: Buffer.from('sku,name\nE1,Good\n,No sku\nbad/sku,Slash\nE1,Again\n') },
        { name: 'E1/cover.png', data: solidPng(3, 3, [1, 1, 1]) },
      ]),
    );
    const rowsTask = await finished((rows.json as Task).id);
    expect(rowsTask).toMatchObject({ status: 'COMPLETED', successful_products: 1, failed_products: 3 });
    const rowErrors = await api<Errors>('bob', 'GET', `/api/v1/products/bulk-upload/${rowsTask.id}/errors`);
    expect(rowErrors.status).toBe(200);
    expect(rowErrors.json).toMatchObject({ status: 'COMPLETED', error_message: null, failed_products: 3 });
    expect(rowErrors.json.errors).toEqual([
      { sku: 'row#row3', row: 3, error: 'empty sku' },
      { sku: 'bad/sku', row: 4, error: expect.stringContaining('invalid sku') },
      { sku: 'E1#row5', row: 5, error: expect.stringContaining('duplicate sku') },
    ]);

    // A bad row next to a zip-slip entry: the archive is refused as a whole before any row is read.
    const slip = await postZip(
      'bob',
      '',
      await buildZipWithRawNames([
        { name: 'products.csv', data: Buffer.from('sku\nS1\n,\n') },
        { name: 'S1/cover.png', data: solidPng(3, 3, [2, 2, 2]) },
        { name: '../../etc/evil.png', data: Buffer.from('x') },
      ]),
    );
    const slipTask = await finished((slip.json as Task).id);
    const slipErrors = await api<Errors>('bob', 'GET', `/api/v1/products/bulk-upload/${slipTask.id}/errors`);
    expect(slipErrors.status).toBe(200);
    expect(slipErrors.json).toMatchObject({ task_id: slipTask.id, status: 'FAILED', failed_products: 0, errors: [] });
    expect(slipErrors.json.error_message).toContain('zip-slip');

    // Owner-scoped like GET …/{id}: another team's user and another user of the same team see nothing.
    expect(await api('mallory', 'GET', `/api/v1/products/bulk-upload/${rowsTask.id}/errors`)).toEqual({
      status: 404,
      json: { detail: 'Bulk upload task not found' },
    });
    expect(await api('alice', 'GET', `/api/v1/products/bulk-upload/${rowsTask.id}/errors`)).toEqual({
      status: 404,
      json: { detail: 'Bulk upload task not found' },
    });
    expect(
      await api('alice', 'GET', '/api/v1/products/bulk-upload/00000000-0000-4000-8000-000000000000/errors'),
    ).toEqual({ status: 404, json: { detail: 'Bulk upload task not found' } });
    expect((await api<Detail>('alice', 'GET', '/api/v1/products/bulk-upload/not-a-uuid/errors')).status).toBe(422);
    expect((await api('bob', 'GET', `/api/v1/products/bulk-upload/${rowsTask.id}/warnings`)).status).toBe(404);
    expect((await api('bob', 'GET', `/api/v1/products/bulk-upload/${rowsTask.id}/errors/extra`)).status).toBe(404);
    expect((await api(null, 'GET', `/api/v1/products/bulk-upload/${rowsTask.id}/errors`)).status).toBe(401);
  });

  it('POST /api/v1/uploads/admin/upload-lora: a superuser streams a model to loras/{team}/…; others 403, no token 401, over 50 MB 413', async () => {
    const upload = async (name: string | null, bytes: Buffer, filename: string) => {
      const form = new FormData();
      form.append('file', new Blob([new Uint8Array(bytes)], { type: 'application/octet-stream' }), filename);
      const res = await fetch(`${base}/api/v1/uploads/admin/upload-lora`, {
        method: 'POST',
        headers: name ? { authorization: `Bearer ${tokens[name]}` } : {},
        body: form,
      });
      return { status: res.status, json: (await res.json()) as Lora & Detail };
    };
    const model = randomBytes(3 * 1024 * 1024 + 17);
    const stored = await upload('root', model, '../../style v2.safetensors');
    expect(stored.status).toBe(200);
    expect(stored.json).toMatchObject({
      filename: 'style_v2.safetensors',
      size: model.length,
      content_type: 'application/octet-stream',
    });
    expect(stored.json.object_key).toMatch(/^loras\/[0-9a-f-]{36}\/[0-9a-f-]{36}_style_v2\.safetensors$/);
    expect(stored.json.file_url).toBe(`${base}/files/${stored.json.object_key}`);
    const storage = testObjectStorage(suite.infra.env);
    const object = await storage.getStream({ key: stored.json.object_key });
    expect(object.contentType).toBe('application/octet-stream');
    expect(Buffer.concat(await object.body.toArray()).equals(model)).toBe(true);
    const served = await fetch(stored.json.file_url);
    expect(Buffer.from(await served.arrayBuffer()).equals(model)).toBe(true);

    expect(await upload('alice', Buffer.from('weights'), 'a.safetensors')).toEqual({
      status: 403,
      json: { detail: "The user doesn't have enough privileges" },
    });
    expect(await upload(null, Buffer.from('weights'), 'a.safetensors')).toEqual({
      status: 401,
      json: { detail: 'Not authenticated' },
    });
    const before = await storage.list({ prefix: 'loras/', limit: 1000 });
    const oversize = await upload('root', Buffer.alloc(50 * 1024 * 1024 + 1, 7), 'huge.safetensors');
    expect(oversize).toEqual({ status: 413, json: { detail: 'The file is larger than 52428800 bytes (50 MB)' } });
    expect((await storage.list({ prefix: 'loras/', limit: 1000 })).objects.length).toBe(before.objects.length);
    const exact = await upload('root', Buffer.alloc(50 * 1024 * 1024, 7), 'max.safetensors');
    expect(exact.status).toBe(200);
    expect(exact.json.size).toBe(50 * 1024 * 1024);

    const noFile = await fetch(`${base}/api/v1/uploads/admin/upload-lora`, {
      method: 'POST',
      headers: { authorization: `Bearer ${tokens.root}` },
      body: new FormData(),
    });
    expect(noFile.status).toBe(422);
  }, 60_000);

  it('bulk-uploads a ZIP: products with images, a SKU without cover fails, list/get, errors', async () => {
    const zip = await buildZip([
      { name: 'products.csv', data: Buffer.from('sku,name,color\nP1,Shirt,red\nP2,Hat,blue\n') },
      { name: 'P1/cover.png', data: solidPng(5, 5, [9, 9, 9]) },
      { name: 'P1/detail.png', data: solidPng(5, 6, [9, 9, 9]) },
      { name: 'P2/other.png', data: randomBytes(300) },
    ]);
    const created = await postZip('alice', '?caption_products=false&skip_existing_skus=false', zip);
    expect(created.status).toBe(200);
    const task = created.json as Task;
    expect(task).toMatchObject({ status: 'PENDING', filename: 'catalog.zip', error_message: null });

    const done = await waitFor(
      async () => {
        const t = (await api<Task>('alice', 'GET', `/api/v1/products/bulk-upload/${task.id}`)).json;
        return t.status === 'COMPLETED' || t.status === 'FAILED' ? t : undefined;
      },
      { timeoutMs: 30_000, what: 'the bulk upload to finish' },
    );
    expect(done).toMatchObject({ status: 'COMPLETED', total_products: 2, successful_products: 1, failed_products: 1 });
    expect(done.results.P1.status).toBe('COMPLETED');
    expect(done.results.P2).toMatchObject({ status: 'FAILED', error: expect.stringContaining('no cover image') });
    const coverKey = new URL(done.results.P1.cover_image_url!).pathname.split('/').slice(-3).join('/');
    expect(coverKey).toMatch(/^media\/[0-9a-f-]{36}\/file\.png$/);
    expect((await fetch(`${base}/files/${coverKey}`)).status).toBe(200);
    const errors = await api<Errors>('alice', 'GET', `/api/v1/products/bulk-upload/${task.id}/errors`);
    expect(errors).toEqual({
      status: 200,
      json: {
        task_id: task.id,
        status: 'COMPLETED',
        error_message: null,
        failed_products: 1,
        errors: [{ sku: 'P2', row: 3, error: expect.stringContaining('no cover image') }],
      },
    });

    const bomb = await postZip(
      'alice',
      '',
      await buildZip([
        { name: 'p.csv', data: Buffer.from('sku\nB1\n') },
        { name: 'B1/cover.png', data: Buffer.alloc(8 * 1024 * 1024) },
      ]),
    );
    const bombTask = await waitFor(async () => {
      const t = (await api<Task>('alice', 'GET', `/api/v1/products/bulk-upload/${(bomb.json as Task).id}`)).json;
      return t.status === 'FAILED' ? t : undefined;
    });
    expect(bombTask.error_message).toContain('zip bomb');

    const list = await api<Task[]>('alice', 'GET', '/api/v1/products/bulk-upload/?status=COMPLETED&skip=0&limit=10');
    expect(list.status).toBe(200);
    expect(list.json.map((t) => t.id)).toEqual([task.id]);
    expect(
      (await api<Task[]>('alice', 'GET', '/api/v1/products/bulk-upload/?limit=1&skip=1')).json.map((t) => t.id),
    ).toEqual([task.id]);
    expect((await api<Task[]>('mallory', 'GET', '/api/v1/products/bulk-upload/')).json).toEqual([]);
    expect(await api('mallory', 'GET', `/api/v1/products/bulk-upload/${task.id}`)).toEqual({
      status: 404,
      json: { detail: 'Bulk upload task not found' },
    });

    const badStatus = await api<Detail>('alice', 'GET', '/api/v1/products/bulk-upload/?status=DONE');
    expect(badStatus.status).toBe(422);
    expect(badStatus.json.detail).toEqual([expect.objectContaining({ loc: ['query', 'status'] })]);
    expect((await api<Detail>('alice', 'GET', '/api/v1/products/bulk-upload/not-a-uuid')).status).toBe(422);
    const noFile = await postZip('alice', '', null);
    expect(noFile.status).toBe(422);
    expect((noFile.json as Detail).detail).toEqual([
      expect.objectContaining({ loc: ['body', 'file'], type: 'missing' }),
    ]);
    const badQuery = await postZip('alice', '?skip_existing_skus=maybe', zip);
    expect(badQuery.status).toBe(422);
    const noAuth = await fetch(`${base}/api/v1/products/bulk-upload/`, { method: 'POST', body: new FormData() });
    expect(noAuth.status).toBe(401);
  });
});
