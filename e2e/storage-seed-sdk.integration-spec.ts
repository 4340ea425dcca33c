import { BaseConfig, RpcClient } from '@mp/platform';
import { ObjectStorage } from '@mp/storage';
import { platformSuite, solidPng, TeamKeys, testObjectStorage, waitFor } from '@mp/testing';
import { uploadFile as seedUploadFile } from './support/seed-000-client';

/**
 * Seed 000's client code (JavaScript `uploadFile` / `searchFiles`, Python `upload_file` /
 * `search_files` / `upload_and_transform` steps 1–2, and the curl requests for metadata update and
 * deletion) ported to TypeScript with the same requests, run against the real processes.
 */

type SearchResult = {
  files: Array<{
    object_key: string;
    filename: string;
    size: number;
    folder: string;
    url: string;
    metadata: Record<string, unknown>;
  }>;
  total: number;
};
type ErrorBody = { detail: string; error: { code: string; message: string; details: Record<string, unknown> } };

let API_KEY = '';
let BASE_URL = '';

// ---- JavaScript (seed: "JavaScript" upload example) ----
async function uploadFile(file: File, apiKey: string): Promise<string> {
  // 1. Get presigned URL
  const urlResponse = await fetch(`${BASE_URL}/files/upload-url`, {
    method: 'POST',
    headers: {
      'X-API-Key': apiKey,
      'Content-Type': 'application/json',
    },
    body: JSON.stringify({ filename: file.name, folder: 'inputs' }),
  });
  const { upload_url, upload_fields, file_url } = (await urlResponse.json()) as {
    upload_url: string;
    upload_fields: Record<string, string>;
    file_url: string;
  };
  // 2. Upload to S3
  const formData = new FormData();
  Object.entries(upload_fields).forEach(([key, value]) => {
    formData.append(key, value);
  });
  formData.append('file', file); // file must be last!
  await fetch(upload_url, {
    method: 'POST',
    body: formData,
  });
  // 3. Return the CDN URL (use this in prediction requests)
  return file_url;
}

// ---- JavaScript (seed: "JavaScript - 파일 검색") ----
async function searchFiles(
  filters: Record<string, unknown>,
  options: { page?: number; pageSize?: number; sortBy?: string; sortOrder?: string } = {},
): Promise<SearchResult> {
  const { page = 1, pageSize = 20, sortBy = 'created_at', sortOrder = 'desc' } = options;
  const response = await fetch(`${BASE_URL}/files/storage/search`, {
    method: 'POST',
    headers: {
      'X-API-Key': API_KEY,
      'Content-Type': 'application/json',
    },
    body: JSON.stringify({
      filters,
      page,
      page_size: pageSize,
      sort_by: sortBy,
      sort_order: sortOrder,
    }),
  });
  expect(response.status).toBe(200);
  return (await response.json()) as SearchResult;
}

// ---- Python (seed: `upload_file`), as `requests.post(url, data=fields, files={"file": (filename, f)})` sends it ----
async function upload_file(file: { path: string; bytes: Buffer }, api_key: string, folder = 'inputs'): Promise<string> {
  const filename = file.path.split('/').at(-1)!;
  // 1. Get presigned URL
  const url_response = await fetch(`${BASE_URL}/files/upload-url`, {
    method: 'POST',
    headers: { 'X-API-Key': api_key, 'Content-Type': 'application/json' },
    body: JSON.stringify({ filename, folder }),
  });
  const data = (await url_response.json()) as {
    upload_url: string;
    upload_fields: Record<string, string>;
    file_url: string;
  };
  // 2. Upload to S3: requests encodes `data` fields first, then `files`
  const form = new FormData();
  for (const [k, v] of Object.entries(data.upload_fields)) form.append(k, v);
  form.append('file', new Blob([new Uint8Array(file.bytes)]), filename);
  const upload = await fetch(data.upload_url, { method: 'POST', body: form });
  expect(upload.status).toBeLessThan(300);
  // 3. Return the CDN URL
  return data.file_url;
}

// ---- Python (seed: `search_files`) ----
async function search_files(filters: Record<string, unknown>, page = 1, page_size = 20): Promise<SearchResult> {
  const response = await fetch(`${BASE_URL}/files/storage/search`, {
    method: 'POST',
    headers: { 'X-API-Key': API_KEY, 'Content-Type': 'application/json' },
    body: JSON.stringify({ filters, page, page_size, sort_by: 'created_at', sort_order: 'desc' }),
  });
  expect(response.status).toBe(200);
  return (await response.json()) as SearchResult;
}

// ---- Python (seed: `upload_and_transform`, steps 1–2; steps 3–4 are the predictions API) ----
async function upload_and_transform_upload_steps(image: { path: string; bytes: Buffer }, project = 'default') {
  const filename = image.path.split('/').at(-1)!;
  const url_response = await fetch(`${BASE_URL}/files/upload-url`, {
    method: 'POST',
    headers: { 'X-API-Key': API_KEY, 'Content-Type': 'application/json' },
    body: JSON.stringify({
      filename,
      folder: `projects/${project}/inputs`,
      metadata: { project, source: 'upload', original_filename: filename },
    }),
  });
  expect(url_response.status).toBe(200);
  const url_data = (await url_response.json()) as {
    upload_url: string;
    upload_fields: Record<string, string>;
    file_url: string;
    object_key: string;
  };
  const form = new FormData();
  for (const [k, v] of Object.entries(url_data.upload_fields)) form.append(k, v);
  form.append('file', new Blob([new Uint8Array(image.bytes)]), filename);
  expect((await fetch(url_data.upload_url, { method: 'POST', body: form })).status).toBeLessThan(300);
  return url_data;
}

// ---- curl (seed: "메타데이터 수정 API" and "파일 삭제 API") ----
function patchMetadata(body: unknown, apiKey = API_KEY): Promise<Response> {
  return fetch(`${BASE_URL}/files/storage/file/metadata`, {
    method: 'PATCH',
    headers: { 'X-API-Key': apiKey, 'Content-Type': 'application/json' },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

function deleteFile(query: string, apiKey = API_KEY): Promise<Response> {
  return fetch(`${BASE_URL}/files/storage/file${query}`, { method: 'DELETE', headers: { 'X-API-Key': apiKey } });
}

const byKey = (objectKey: string) => `?object_key=${encodeURIComponent(objectKey)}`;

describe('storage API seed SDK examples: upload, search, update metadata, delete (real processes)', () => {
  const suite = platformSuite({
    apps: ['quota-billing', 'files', 'search-indexer', 'gateway'],
    env: { RECONCILE_INTERVAL_MS: '1000' },
    teams: { 'seed-sdk-a': ['cdt'], 'seed-sdk-b': ['cdt'] },
  });
  let storage: ObjectStorage;
  let rpc: RpcClient;
  const keyOf = (t: TeamKeys) => t.keys.cdt!.key!;

  /** Uploads through the seed's upload-url request and waits until search finds the file. */
  async function uploadIndexed(apiKey: string, filename: string, folder: string, metadata?: Record<string, unknown>) {
    const data = await seedUploadFile(
      suite.gatewayUrl,
      apiKey,
      { name: filename, bytes: solidPng(8, 8) },
      folder,
      metadata,
    );
    expect(data.uploadStatus).toBeLessThan(300);
    await waitFor(async () => (await searchAs(apiKey, { object_key: data.object_key })).total === 1, {
      timeoutMs: 20_000,
      what: `${filename} to be indexed`,
    });
    return data;
  }

  async function searchAs(apiKey: string, filters: Record<string, unknown>): Promise<SearchResult> {
    const res = await fetch(`${BASE_URL}/files/storage/search`, {
      method: 'POST',
      headers: { 'X-API-Key': apiKey, 'Content-Type': 'application/json' },
      body: JSON.stringify({ filters }),
    });
    expect(res.status).toBe(200);
    return (await res.json()) as SearchResult;
  }

  beforeAll(() => {
    API_KEY = keyOf(suite.team('seed-sdk-a'));
    BASE_URL = `${suite.gatewayUrl}/v1`;
    storage = testObjectStorage(suite.infra.env);
    rpc = new RpcClient(suite.infra.nc, { NAMESPACE: suite.infra.namespace, RPC_TIMEOUT_MS: 10_000 } as BaseConfig);
  });

  it('runs the seed clients end to end: upload, search, update metadata, search again, delete', async () => {
    // JavaScript uploadFile + Python upload_file, both into "inputs".
    const reference = solidPng(64, 48);
    const fileUrl = await uploadFile(
      new File([new Uint8Array(reference)], 'reference_image.png', { type: 'image/png' }),
      API_KEY,
    );
    const photoUrl = await upload_file({ path: '/path/to/photo.png', bytes: solidPng(32, 32, [10, 200, 10]) }, API_KEY);
    // Python upload_and_transform: metadata at upload time, folder projects/<project>/inputs.
    const artStyles = await upload_and_transform_upload_steps(
      { path: '/path/to/photo.jpg', bytes: solidPng(16, 16) },
      'art-styles',
    );

    // Python search_files({"content_type": "image/png", "folder": "inputs"})
    const results = await waitFor(
      async () => {
        const r = await search_files({ content_type: 'image/png', folder: 'inputs' });
        return r.total === 2 ? r : undefined;
      },
      { timeoutMs: 20_000, what: 'both uploads to be searchable' },
    );
    expect(results.files.map((f) => `${f.filename} - ${f.size} bytes`).sort()).toEqual(
      [
        `photo.png - ${solidPng(32, 32, [10, 200, 10]).length} bytes`,
        `reference_image.png - ${reference.length} bytes`,
      ].sort(),
    );
    // JavaScript searchFiles({ content_type, folder }) sees the same.
    const images = await searchFiles({ content_type: 'image/png', folder: 'inputs' });
    expect(images.total).toBe(2);
    const referenceHit = images.files.find((f) => f.filename === 'reference_image.png')!;
    expect(referenceHit.object_key).toMatch(
      new RegExp(`^aiapi/${suite.team('seed-sdk-a').teamId}/inputs/\\d{13}_reference_image\\.png$`),
    );
    // The file_url the upload returned is a working signed download URL.
    const downloaded = await fetch(fileUrl);
    expect(downloaded.status).toBe(200);
    expect(Buffer.from(await downloaded.arrayBuffer()).equals(reference)).toBe(true);
    expect(new URL(fileUrl).searchParams.get('X-Amz-Expires')).toBe('604800');
    expect((await fetch(photoUrl)).status).toBe(200);

    // Metadata given at upload populates the indexed fields: search by project and source.
    const art = await waitFor(
      async () => {
        const r = await search_files({ project: 'art-styles', source: 'upload' });
        return r.total === 1 ? r : undefined;
      },
      { timeoutMs: 20_000, what: 'the upload with metadata to be searchable' },
    );
    expect(art.files.map((f) => f.object_key)).toEqual([artStyles.object_key]);
    expect(art.files[0].metadata).toEqual({ project: 'art-styles', source: 'upload', original_filename: 'photo.jpg' });

    // curl PATCH from the seed, verbatim body.
    const patched = await patchMetadata({
      object_key: referenceHit.object_key,
      metadata: { tags: ['portrait', 'approved'], status: 'reviewed', reviewer: 'user@example.com' },
    });
    expect(patched.status).toBe(200);
    const patchBody = (await patched.json()) as {
      success: boolean;
      object_key: string;
      updated_fields: string[];
      updated_at: string;
    };
    expect(patchBody).toEqual({
      success: true,
      object_key: referenceHit.object_key,
      updated_fields: ['tags', 'status', 'reviewer'],
      updated_at: expect.any(String),
    });
    expect(new Date(patchBody.updated_at).toISOString()).toBe(patchBody.updated_at);

    // Metadata design guide examples (project management, AI context) merged on top.
    expect(
      (
        await patchMetadata({
          object_key: referenceHit.object_key,
          metadata: { project: 'avatar-gen', category: 'portraits', environment: 'production' },
        })
      ).status,
    ).toBe(200);
    expect(
      (
        await patchMetadata({
          object_key: referenceHit.object_key,
          metadata: {
            source_model: 'flux-schnell',
            prompt: 'A professional headshot',
            seed: 12345,
            steps: 28,
            cfg_scale: 7.5,
          },
        })
      ).status,
    ).toBe(200);

    // Python: search_files({"project": "avatar-gen", "tags": ["approved"]}) — the index follows the updates.
    const projectFiles = await waitFor(
      async () => {
        const r = await search_files({ project: 'avatar-gen', tags: ['approved'] });
        return r.total === 1 && r.files[0].metadata.seed === 12345 ? r : undefined;
      },
      { timeoutMs: 20_000, what: 'the metadata update to reach the index' },
    );
    expect(projectFiles.files[0]).toMatchObject({
      object_key: referenceHit.object_key,
      metadata: {
        tags: ['portrait', 'approved'],
        status: 'reviewed',
        reviewer: 'user@example.com',
        project: 'avatar-gen',
        category: 'portraits',
        environment: 'production',
        source_model: 'flux-schnell',
        prompt: 'A professional headshot',
        seed: 12345,
        steps: 28,
        cfg_scale: 7.5,
      },
    });
    // JavaScript: searchFiles({ source_model: "flux-schnell", created_at: { gte: "2025-12-01T00:00:00Z" } })
    const generatedFiles = await searchFiles({
      source_model: 'flux-schnell',
      created_at: { gte: '2025-12-01T00:00:00Z' },
    });
    expect(generatedFiles.files.map((f) => f.object_key)).toEqual([referenceHit.object_key]);
    expect((await search_files({ status: 'reviewed', seed: 12345 })).total).toBe(1);

    // The files service's records (the reindex source) carry the merged document.
    const page = await rpc.request('files.records.page', { limit: 1000 });
    expect(page.next).toBeNull();
    const record = page.files.find((f) => f.object_key === referenceHit.object_key)!;
    expect(record).toMatchObject({
      project: 'avatar-gen',
      tags: ['portrait', 'approved'],
      status: 'reviewed',
      source_model: 'flux-schnell',
      seed: 12345,
      source: 'upload',
    });
    expect(record.expires_at).not.toBeNull();

    // curl DELETE from the seed.
    const deleted = await deleteFile(byKey(referenceHit.object_key));
    expect(deleted.status).toBe(200);
    const deleteBody = (await deleted.json()) as { success: boolean; deleted_object_key: string; deleted_at: string };
    expect(deleteBody).toEqual({
      success: true,
      deleted_object_key: referenceHit.object_key,
      deleted_at: expect.any(String),
    });
    expect(await storage.head(referenceHit.object_key)).toBeNull();
    expect((await fetch(fileUrl)).status).toBeGreaterThanOrEqual(400);
    await waitFor(async () => (await search_files({ project: 'avatar-gen' })).total === 0, {
      timeoutMs: 20_000,
      what: 'the index entry to be removed',
    });
    expect((await searchFiles({ content_type: 'image/png', folder: 'inputs' })).total).toBe(1);
    expect((await rpc.request('files.records.page', { limit: 1000 })).files.map((f) => f.object_key)).not.toContain(
      referenceHit.object_key,
    );

    // Gone for good: a second delete and an update answer 404.
    const again = await deleteFile(byKey(referenceHit.object_key));
    expect(again.status).toBe(404);
    expect(((await again.json()) as ErrorBody).error.code).toBe('FileNotFound');
    expect((await patchMetadata({ object_key: referenceHit.object_key, metadata: { a: 1 } })).status).toBe(404);
  });

  it('uploads the seed metadata example (custom keys stay custom metadata) and removes a key with null', async () => {
    const upload = await uploadIndexed(API_KEY, 'data.png', 'projects/my-project', {
      description: '프로젝트 데이터',
      tags: ['dataset', 'training'],
      version: '1.0',
    });
    const found = await search_files({ folder: 'projects/my-project', tags: ['dataset'] });
    expect(found.files[0].metadata).toEqual({
      description: '프로젝트 데이터',
      tags: ['dataset', 'training'],
      version: '1.0',
    });
    expect((await search_files({ 'metadata.version': '1.0', folder: 'projects/my-project' })).total).toBe(1);

    expect(
      (await patchMetadata({ object_key: upload.object_key, metadata: { version: null, tags: ['dataset'] } })).status,
    ).toBe(200);
    await waitFor(
      async () => {
        const r = await search_files({ object_key: upload.object_key });
        return r.files[0] && !('version' in r.files[0].metadata) ? r : undefined;
      },
      { timeoutMs: 20_000, what: 'the removed key to leave the index' },
    );
    expect((await search_files({ folder: 'projects/my-project', tags: ['training'] })).total).toBe(0);
  });

  it('ignores an older document arriving after a newer one (index ordered by updated_at)', async () => {
    const upload = await uploadIndexed(API_KEY, 'ordering.png', 'ordering', { project: 'v1' });
    const res = await patchMetadata({ object_key: upload.object_key, metadata: { project: 'v2' } });
    expect(res.status).toBe(200);
    await waitFor(async () => (await search_files({ project: 'v2', folder: 'ordering' })).total === 1, {
      timeoutMs: 20_000,
      what: 'v2 indexed',
    });
    const current = (await rpc.request('files.records.page', { limit: 1000 })).files.find(
      (f) => f.object_key === upload.object_key,
    )!;
    // Replay an older version of the document (as a redelivered, reordered event would bring it).
    const stale = {
      ...current,
      project: 'stale',
      metadata: { project: 'stale' },
      updated_at: new Date(Date.parse(current.updated_at) - 1000).toISOString(),
    };
    const js = suite.infra.nc.jetstream();
    const envelope = {
      id: `stale-${Date.now()}`,
      subject: 'files.file.updated',
      version: 1,
      occurred_at: new Date().toISOString(),
      data: { file: stale, updated_fields: ['project'] },
    };
    await js.publish(`${suite.infra.namespace}.evt.files.file.updated`, Buffer.from(JSON.stringify(envelope)), {
      msgID: envelope.id,
    });
    const jsm = await suite.infra.nc.jetstreamManager();
    await waitFor(
      async () => {
        const info = await jsm.consumers.info(
          `${suite.infra.namespace.toUpperCase()}_EVENTS`,
          'search-indexer__files_file_updated',
        );
        return info.num_pending === 0 && info.num_ack_pending === 0 && info.delivered.stream_seq > 0;
      },
      { timeoutMs: 20_000, what: 'the stale event to be consumed' },
    );
    expect((await search_files({ project: 'stale' })).total).toBe(0);
    expect((await search_files({ project: 'v2', folder: 'ordering' })).total).toBe(1);
  });

  it('isolates teams on PATCH and DELETE: another team gets the same 404 as for a missing key', async () => {
    const upload = await uploadIndexed(API_KEY, 'private.png', 'isolation', { project: 'secret' });
    const missingKey = `aiapi/${suite.team('seed-sdk-a').teamId}/isolation/1_never_uploaded.png`;

    const patchAsB = await patchMetadata(
      { object_key: upload.object_key, metadata: { project: 'hijacked' } },
      keyOf(suite.team('seed-sdk-b')),
    );
    const patchMissing = await patchMetadata({ object_key: missingKey, metadata: { project: 'x' } });
    expect(patchAsB.status).toBe(404);
    expect(patchMissing.status).toBe(404);
    const patchAsBBody = (await patchAsB.json()) as ErrorBody;
    const patchMissingBody = (await patchMissing.json()) as ErrorBody;
    expect(patchAsBBody.error.code).toBe('FileNotFound');
    expect(patchAsBBody.detail.replace(upload.object_key, '<key>')).toBe(
      patchMissingBody.detail.replace(missingKey, '<key>'),
    );

    const deleteAsB = await deleteFile(byKey(upload.object_key), keyOf(suite.team('seed-sdk-b')));
    expect(deleteAsB.status).toBe(404);
    expect(((await deleteAsB.json()) as ErrorBody).error.code).toBe('FileNotFound');
    expect((await deleteFile(byKey(missingKey))).status).toBe(404);

    // Team A's file is untouched.
    expect(await storage.head(upload.object_key)).not.toBeNull();
    const stillA = await search_files({ object_key: upload.object_key });
    expect(stillA.files[0].metadata).toEqual({ project: 'secret' });
    expect((await searchAs(keyOf(suite.team('seed-sdk-b')), { project: 'hijacked' })).total).toBe(0);
    expect((await searchAs(keyOf(suite.team('seed-sdk-b')), { object_key: upload.object_key })).total).toBe(0);
  });

  it('refuses to delete a file under legal hold until the hold is cleared', async () => {
    const upload = await uploadIndexed(API_KEY, 'evidence.png', 'legal', {
      legal_hold: true,
      classification_level: 'restricted',
    });
    const record = (await rpc.request('files.records.page', { limit: 1000 })).files.find(
      (f) => f.object_key === upload.object_key,
    )!;
    expect(record).toMatchObject({ legal_hold: true, expires_at: null });

    const refused = await deleteFile(byKey(upload.object_key));
    expect(refused.status).toBe(409);
    const body = (await refused.json()) as ErrorBody;
    expect(body.error.code).toBe('LegalHold');
    expect(body.detail).toContain('legal hold');
    expect(await storage.head(upload.object_key)).not.toBeNull();
    expect((await search_files({ object_key: upload.object_key })).total).toBe(1);

    const cleared = await patchMetadata({ object_key: upload.object_key, metadata: { legal_hold: false } });
    expect(cleared.status).toBe(200);
    const released = (await rpc.request('files.records.page', { limit: 1000 })).files.find(
      (f) => f.object_key === upload.object_key,
    )!;
    expect(released.legal_hold).toBe(false);
    expect(released.expires_at).not.toBeNull();
    const deleted = await deleteFile(byKey(upload.object_key));
    expect(deleted.status).toBe(200);
    expect(await storage.head(upload.object_key)).toBeNull();
  });

  it('answers every invalid metadata update, deletion and upload metadata with 400 naming the field, never 500', async () => {
    const upload = await uploadIndexed(API_KEY, 'target.png', 'invalid', { blob: 'x'.repeat(6000) });
    const key = upload.object_key;
    const expect400 = async (res: Response, code: string, mentions: string[]) => {
      const text = await res.text();
      expect({ status: res.status, text }).toEqual({ status: 400, text: expect.any(String) });
      const body = JSON.parse(text) as ErrorBody;
      expect(body.error.code).toBe(code);
      for (const m of mentions) expect(body.detail).toContain(m);
    };

    // PATCH: request shape.
    await expect400(await patchMetadata({ metadata: { a: 1 } }), 'ValidationFailed', ['object_key']);
    await expect400(await patchMetadata({ object_key: '', metadata: { a: 1 } }), 'ValidationFailed', ['object_key']);
    await expect400(await patchMetadata({ object_key: 42, metadata: { a: 1 } }), 'ValidationFailed', ['object_key']);
    await expect400(await patchMetadata({ object_key: key }), 'ValidationFailed', ['metadata']);
    await expect400(await patchMetadata({ object_key: key, metadata: ['a'] }), 'ValidationFailed', ['metadata']);
    await expect400(await patchMetadata({ object_key: key, metadata: 'tags=a' }), 'ValidationFailed', ['metadata']);
    await expect400(await patchMetadata({ object_key: key, metadata: {} }), 'ValidationFailed', ['metadata']);
    await expect400(await patchMetadata('{"object_key": '), 'ValidationFailed', ['JSON']);
    // PATCH: system fields, each named.
    await expect400(
      await patchMetadata({
        object_key: key,
        metadata: { file_id: 'x', team_id: suite.team('seed-sdk-b').teamId, note: 'ok' },
      }),
      'ValidationFailed',
      ['metadata.file_id', 'metadata.team_id'],
    );
    for (const field of [
      'user_id',
      'object_key',
      'created_at',
      'updated_at',
      'expires_at',
      'size',
      'checksum',
      'content_type',
      'filename',
      'folder',
      'extension',
      'source',
      'upload_ip',
    ]) {
      await expect400(await patchMetadata({ object_key: key, metadata: { [field]: 'x' } }), 'ValidationFailed', [
        `metadata.${field}`,
        'system field',
      ]);
    }
    // PATCH: well-known keys of the wrong type, each named.
    const badTypes: Array<[string, unknown]> = [
      ['tags', 'portrait'],
      ['labels', [1, 2]],
      ['seed', 'abc'],
      ['steps', 2.5],
      ['cfg_scale', '7.5'],
      ['legal_hold', 'yes'],
      ['is_processed', 1],
      ['project', 7],
      ['width', -3],
      ['retention_days', 0],
    ];
    for (const [field, value] of badTypes) {
      await expect400(await patchMetadata({ object_key: key, metadata: { [field]: value } }), 'ValidationFailed', [
        `metadata.${field}`,
      ]);
    }
    // PATCH: retention outside the configured bounds (default 1..30 days).
    await expect400(await patchMetadata({ object_key: key, metadata: { retention_days: 31 } }), 'ValidationFailed', [
      'retention_days',
      '1',
      '30',
    ]);
    // PATCH: too large by itself, and too large once merged with the stored 6 KB.
    await expect400(
      await patchMetadata({ object_key: key, metadata: { big: 'y'.repeat(10 * 1024) } }),
      'ValidationFailed',
      ['metadata', '10 KB'],
    );
    await expect400(
      await patchMetadata({ object_key: key, metadata: { more: 'y'.repeat(5000) } }),
      'MetadataTooLarge',
      ['metadata', '10240'],
    );
    // Nothing of the above changed the file.
    const record = (await rpc.request('files.records.page', { limit: 1000 })).files.find((f) => f.object_key === key)!;
    expect(Object.keys(record.metadata)).toEqual(['blob']);

    // DELETE: missing, empty or repeated object_key.
    await expect400(await deleteFile(''), 'ValidationFailed', ['object_key']);
    await expect400(await deleteFile('?object_key='), 'ValidationFailed', ['object_key']);
    await expect400(await deleteFile(`${byKey(key)}&object_key=other`), 'ValidationFailed', ['object_key']);
    expect(await storage.head(key)).not.toBeNull();

    // upload-url: metadata type checks, system fields, reserved source, retention bounds.
    const uploadUrl = (metadata: unknown) =>
      fetch(`${BASE_URL}/files/upload-url`, {
        method: 'POST',
        headers: { 'X-API-Key': API_KEY, 'Content-Type': 'application/json' },
        body: JSON.stringify({ filename: 'a.png', folder: 'inputs', metadata }),
      });
    await expect400(await uploadUrl({ tags: 'portrait' }), 'ValidationFailed', ['metadata.tags']);
    await expect400(await uploadUrl({ seed: 1.5, steps: 'many' }), 'ValidationFailed', [
      'metadata.seed',
      'metadata.steps',
    ]);
    await expect400(await uploadUrl({ legal_hold: 'true' }), 'ValidationFailed', ['metadata.legal_hold']);
    await expect400(await uploadUrl({ size: 5 }), 'ValidationFailed', ['metadata.size', 'system field']);
    await expect400(await uploadUrl({ file_id: 'mine' }), 'ValidationFailed', ['metadata.file_id']);
    await expect400(await uploadUrl({ source: 'prediction' }), 'ValidationFailed', ['metadata.source', 'prediction']);
    await expect400(await uploadUrl({ retention_days: 365 }), 'ValidationFailed', ['retention_days', '30']);
    expect((await uploadUrl({ source: 'upload', retention_days: 30, seed: 42 })).status).toBe(200);

    // files.records.page validates its cursor.
    await expect(rpc.request('files.records.page', { after: 'not-a-file-id', limit: 10 })).rejects.toMatchObject({
      code: 'ValidationFailed',
    });
    await expect(rpc.request('files.records.page', { limit: 0 })).rejects.toMatchObject({ code: 'ValidationFailed' });
  });

  it('pages the records of every team in file_id order', async () => {
    await uploadIndexed(keyOf(suite.team('seed-sdk-b')), 'b1.png', 'paging');
    await uploadIndexed(keyOf(suite.team('seed-sdk-b')), 'b2.png', 'paging');
    const all = (await rpc.request('files.records.page', { limit: 1000 })).files.map((f) => f.file_id);
    expect(all.length).toBeGreaterThanOrEqual(3);
    expect([...all].sort()).toEqual(all);
    const seen: string[] = [];
    let after: string | undefined;
    for (;;) {
      const page = await rpc.request('files.records.page', { limit: 2, ...(after ? { after } : {}) });
      seen.push(...page.files.map((f) => f.file_id));
      if (!page.next) break;
      expect(page.files).toHaveLength(2);
      after = page.next;
    }
    expect(seen).toEqual(all);
  });

  // Last: it stops the object store.
  it('deletes nothing and answers 503 when the object store cannot delete the object', async () => {
    const upload = await uploadIndexed(API_KEY, 'keep.png', 'store-down');
    await suite.infra.s3!.stop();
    const res = await deleteFile(byKey(upload.object_key));
    expect(res.status).toBe(503);
    expect(((await res.json()) as ErrorBody).error.code).toBe('DependencyUnavailable');
    expect((await rpc.request('files.records.page', { limit: 1000 })).files.map((f) => f.object_key)).toContain(
      upload.object_key,
    );
    expect((await search_files({ object_key: upload.object_key })).total).toBe(1);
  });
});
