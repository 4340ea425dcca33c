import { FileDocument } from '@mp/contracts';
import { buildEnvelope, encodeJson, wireNames } from '@mp/platform';
import { fileDocument, platformSuite, postUploadForm, TeamKeys, waitFor } from '@mp/testing';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { Client } from 'pg';
import { searchFiles as seedSearchFiles, SearchOptions } from './support/seed-000-client';

type Json = Record<string, unknown>;
type SearchResult = { files: Json[]; total: number; page: number; page_size: number; total_pages: number };
const ROOT = join(__dirname, '..');

/** A file document as the files service announces it, with the fields a test cares about. */
function fileDoc(team: string, n: number, overrides: Partial<FileDocument> = {}): FileDocument {
  const created = new Date(Date.parse('2025-12-01T00:00:00.000Z') + n * 60_000).toISOString();
  const filename = overrides.filename ?? `file-${n}.png`;
  const folder = overrides.folder ?? 'inputs';
  return fileDocument({
    object_key: `aiapi/${team}/${folder}/${n}_${filename}`,
    filename,
    team_id: team,
    created_at: created,
    updated_at: created,
    size: 1000 + n,
    ...overrides,
  });
}

describe('storage API search, distinct and schema (seed 000 clients, real processes)', () => {
  const suite = platformSuite({
    apps: ['quota-billing', 'files', 'search-indexer', 'gateway'],
    teams: { 'search-a': ['cdt'], 'search-b': ['cdt'] },
  });
  let db: Client;
  suite.beforeStop(() => db?.end());
  const key = (t: TeamKeys) => t.keys.cdt!.key!;

  /** Seed 000's Python `search_files` / JavaScript `searchFiles`, same request. */
  const searchFiles = (apiKey: string, filters: unknown, options: SearchOptions = {}) =>
    seedSearchFiles<SearchResult & { detail?: string; error?: { code: string; message: string; details: Json } }>(
      suite.gatewayUrl,
      apiKey,
      filters,
      options,
    );
  const ok = async (apiKey: string, filters: unknown, options?: Parameters<typeof searchFiles>[2]) => {
    const r = await searchFiles(apiKey, filters, options);
    expect([r.status, r.body.error]).toEqual([200, undefined]);
    return r.body;
  };
  const names = async (filters: unknown, options?: Parameters<typeof searchFiles>[2]) =>
    (await ok(key(suite.team('search-a')), filters, { sortOrder: 'asc', ...options })).files.map((f) => f.filename);
  const get = async (path: string, apiKey: string) => {
    const response = await fetch(`${suite.gatewayUrl}${path}`, { headers: { 'X-API-Key': apiKey } });
    return {
      status: response.status,
      body: (await response.json()) as Json & {
        detail?: string;
        error?: { code: string; message: string; details: Json };
      },
    };
  };

  let docs: Record<string, FileDocument>;

  beforeAll(async () => {
    db = new Client({ connectionString: suite.infra.env.DATABASE_URL });
    await db.connect();
    const a = suite.team('search-a').teamId;
    docs = {
      png: fileDoc(a, 1, {
        filename: 'photo.png',
        project: 'avatar-gen',
        tags: ['portrait', 'approved'],
        metadata: { project: 'avatar-gen', tags: ['portrait', 'approved'], reviewer: 'user@example.com' },
      }),
      generated: fileDoc(a, 2, {
        filename: 'Sunset_Render.png',
        folder: 'outputs',
        source: 'prediction',
        source_model: 'flux-schnell',
        prompt: 'A professional headshot',
        seed: 12345,
        cfg_scale: 7.5,
        width: 1024,
        height: 768,
        created_at: '2025-12-05T00:00:00.000Z',
        updated_at: '2025-12-05T00:00:00.000Z',
        tags: ['portrait'],
        labels: ['face'],
      }),
      old: fileDoc(a, 3, {
        filename: 'old.png',
        folder: 'outputs',
        source: 'prediction',
        source_model: 'flux-schnell',
        created_at: '2025-11-20T00:00:00.000Z',
        updated_at: '2025-11-20T00:00:00.000Z',
      }),
      audio: fileDoc(a, 4, {
        filename: 'voice.wav',
        content_type: 'audio/wav',
        extension: 'wav',
        folder: 'voices',
        duration: 3.5,
        legal_hold: true,
        metadata: { version: '1.0' },
      }),
      expired: fileDoc(a, 5, {
        filename: 'expired.png',
        folder: 'expired-folder',
        tags: ['gone'],
        expires_at: new Date(Date.now() - 60_000).toISOString(),
      }),
      foreign: fileDoc(suite.team('search-b').teamId, 6, {
        filename: 'team-b-secret.png',
        folder: 'b-only',
        project: 'avatar-gen',
        tags: ['portrait', 'approved'],
      }),
    };
    // The files service's outbox relays exactly these envelopes; the indexer cannot tell them apart.
    const js = suite.infra.nc.jetstream();
    for (const file of Object.values(docs)) {
      const envelope = buildEnvelope('files.file.uploaded', { file });
      await js.publish(wireNames(suite.infra.namespace).event('files.file.uploaded'), encodeJson(envelope), {
        msgID: envelope.id,
      });
    }
    await waitFor(
      async () =>
        (await searchFiles(key(suite.team('search-b')), {})).body.total === 1 &&
        (await searchFiles(key(suite.team('search-a')), {})).body.total === 4,
      {
        timeoutMs: 20_000,
        what: 'the documents to be indexed',
      },
    );
  });

  describe('seed SDK examples', () => {
    it('search_files({"content_type": "image/png", "folder": "inputs"}) answers the seed shape', async () => {
      const result = await ok(key(suite.team('search-a')), { content_type: 'image/png', folder: 'inputs' });
      expect(result).toMatchObject({ total: 1, page: 1, page_size: 20, total_pages: 1 });
      expect(result.files[0]).toEqual({
        object_key: docs.png.object_key,
        filename: 'photo.png',
        content_type: 'image/png',
        size: docs.png.size,
        folder: 'inputs',
        created_at: docs.png.created_at,
        url: expect.stringMatching(/^http/),
        metadata: docs.png.metadata,
      });
    });

    it('search_files({"project": "avatar-gen", "tags": ["approved"]})', async () => {
      expect(
        (await ok(key(suite.team('search-a')), { project: 'avatar-gen', tags: ['approved'] })).files.map(
          (f) => f.object_key,
        ),
      ).toEqual([docs.png.object_key]);
    });

    it('searchFiles({ source_model: "flux-schnell", created_at: { gte: "2025-12-01T00:00:00Z" } })', async () => {
      expect(
        (
          await ok(key(suite.team('search-a')), {
            source_model: 'flux-schnell',
            created_at: { gte: '2025-12-01T00:00:00Z' },
          })
        ).files.map((f) => f.filename),
      ).toEqual(['Sunset_Render.png']);
    });
  });

  describe('every filter kind', () => {
    it('keyword, long, double, boolean equality and null', async () => {
      expect(await names({ extension: 'wav' })).toEqual(['voice.wav']);
      expect(await names({ seed: 12345, cfg_scale: 7.5, width: 1024 })).toEqual(['Sunset_Render.png']);
      expect(await names({ legal_hold: true })).toEqual(['voice.wav']);
      expect(await names({ source_model: null }, { sortBy: 'filename' })).toEqual(['photo.png', 'voice.wav']);
    });
    it('arrays must contain all values', async () => {
      expect(await names({ tags: 'portrait' }, { sortBy: 'filename' })).toEqual(['Sunset_Render.png', 'photo.png']);
      expect(await names({ tags: ['portrait', 'approved'] })).toEqual(['photo.png']);
      expect(await names({ labels: ['face'] })).toEqual(['Sunset_Render.png']);
    });
    it('ranges on dates and numbers', async () => {
      expect(await names({ created_at: { lt: '2025-12-01' } })).toEqual(['old.png']);
      expect(await names({ height: { gt: 700, lte: 768 } })).toEqual(['Sunset_Render.png']);
      expect(await names({ duration: { gte: 3 } })).toEqual(['voice.wav']);
    });
    it('text match on filename and prompt', async () => {
      expect(await names({ filename: 'sunset_' })).toEqual(['Sunset_Render.png']);
      expect(await names({ prompt: 'HEADSHOT' })).toEqual(['Sunset_Render.png']);
    });
    it('custom metadata keys', async () => {
      expect(await names({ 'metadata.reviewer': 'user@example.com' })).toEqual(['photo.png']);
      expect(await names({ 'metadata.version': '1.0' })).toEqual(['voice.wav']);
      expect(await names({ reviewer: 'user@example.com' })).toEqual(['photo.png']);
      expect(await names({ version: '1.0' })).toEqual(['voice.wav']);
      expect(await names({ colour: 'red', reviewer: 'x' })).toEqual([]);
    });
    it('hides expired files from search and distinct at once', async () => {
      expect(await names({ folder: 'expired-folder' })).toEqual([]);
      expect((await get('/v1/files/storage/distinct/folder', key(suite.team('search-a')))).body.values).not.toContain(
        'expired-folder',
      );
      expect((await get('/v1/files/storage/distinct/tags', key(suite.team('search-a')))).body.values).not.toContain(
        'gone',
      );
    });
  });

  describe('sorting and paging', () => {
    it('sorts by any sortable field either way', async () => {
      expect(await names({}, { sortBy: 'size', sortOrder: 'desc' })).toEqual([
        'voice.wav',
        'old.png',
        'Sunset_Render.png',
        'photo.png',
      ]);
      expect(await names({}, { sortBy: 'filename', sortOrder: 'asc' })).toEqual([
        'Sunset_Render.png',
        'old.png',
        'photo.png',
        'voice.wav',
      ]);
    });
    it('pages: default 20, max 100, past the end empty with the total', async () => {
      const r = await fetch(`${suite.gatewayUrl}/v1/files/storage/search`, {
        method: 'POST',
        headers: { 'X-API-Key': key(suite.team('search-a')), 'Content-Type': 'application/json' },
        body: '{}',
      });
      expect(await r.json()).toMatchObject({ total: 4, page: 1, page_size: 20, total_pages: 1 });
      expect(await ok(key(suite.team('search-a')), {}, { pageSize: 100 })).toMatchObject({ total: 4, page_size: 100 });
      const pages = [
        await ok(key(suite.team('search-a')), {}, { pageSize: 3, page: 1 }),
        await ok(key(suite.team('search-a')), {}, { pageSize: 3, page: 2 }),
      ];
      expect(pages.map((p) => [p.files.length, p.total_pages])).toEqual([
        [3, 2],
        [1, 2],
      ]);
      expect(new Set(pages.flatMap((p) => p.files.map((f) => f.object_key))).size).toBe(4);
      expect(await ok(key(suite.team('search-a')), {}, { pageSize: 3, page: 3 })).toEqual({
        files: [],
        total: 4,
        page: 3,
        page_size: 3,
        total_pages: 2,
      });
    });
  });

  describe('400 in the storage dialect for every invalid input', () => {
    it.each([
      ['page_size above 100', {}, { pageSize: 101 }, 'page_size'],
      ['page_size 0', {}, { pageSize: 0 }, 'page_size'],
      ['page 0', {}, { page: 0 }, 'page'],
      ['unknown sort field', {}, { sortBy: 'colour' }, 'sort_by'],
      ['unsortable field', {}, { sortBy: 'tags' }, 'sort_by'],
      ['bad sort order', {}, { sortOrder: 'up' }, 'sort_order'],
      ['unsearchable filter fields', { team_id: 'x', upload_ip: 'y' }, {}, '"team_id", "upload_ip"'],
      ['team_id filter', { team_id: 'x' }, {}, '"team_id"'],
      ['custom metadata key too long', { ['k'.repeat(257)]: 1 }, {}, 'custom metadata key must be 1 to 256'],
      ['control character in a custom key', { 'a\u0007b': 1 }, {}, 'must not contain control characters'],
      ['bad range on a custom key', { score: { gte: 1, lt: 'tomorrow' } }, {}, 'filters.score'],
      ['filters not an object', ['a'], {}, 'filters'],
      ['bad range operator', { size: { between: [1, 2] } }, {}, 'filters.size'],
      ['bad date', { created_at: { gte: 'yesterday' } }, {}, 'filters.created_at'],
      ['string for a number', { width: 'wide' }, {}, 'filters.width'],
      ['object for a keyword', { folder: { a: 1 } }, {}, 'filters.folder'],
      ['empty tags array', { tags: [] }, {}, 'filters.tags'],
      ['null on a required field', { folder: null }, {}, 'filters.folder'],
    ])('%s', async (_what, filters, options, named) => {
      const r = await searchFiles(key(suite.team('search-a')), filters, options as Parameters<typeof searchFiles>[2]);
      expect(r.status).toBe(400);
      expect(r.body).toMatchObject({
        detail: expect.stringContaining(named),
        error: { code: 'ValidationFailed', message: expect.any(String), details: expect.any(Object) },
      });
    });

    it('names every unsearchable field in the details', async () => {
      const r = await searchFiles(key(suite.team('search-a')), {
        team_id: 'x',
        project: 'x',
        size_mb: 1,
        upload_ip: 'y',
      });
      expect(r.body.error?.details).toMatchObject({ unknown_fields: ['team_id', 'upload_ip'] });
    });

    it('a body that is not JSON', async () => {
      const r = await fetch(`${suite.gatewayUrl}/v1/files/storage/search`, {
        method: 'POST',
        headers: { 'X-API-Key': key(suite.team('search-a')), 'Content-Type': 'application/json' },
        body: '{nope',
      });
      expect(r.status).toBe(400);
    });
  });

  describe('distinct', () => {
    it('answers the seed shape for scalar, array and boolean fields, team-scoped', async () => {
      expect((await get('/v1/files/storage/distinct/folder', key(suite.team('search-a')))).body).toEqual({
        field: 'folder',
        values: ['inputs', 'outputs', 'voices'],
        count: 3,
      });
      expect((await get('/v1/files/storage/distinct/tags', key(suite.team('search-a')))).body).toEqual({
        field: 'tags',
        values: ['approved', 'portrait'],
        count: 2,
      });
      expect((await get('/v1/files/storage/distinct/legal_hold', key(suite.team('search-a')))).body).toEqual({
        field: 'legal_hold',
        values: [false, true],
        count: 2,
      });
      expect((await get('/v1/files/storage/distinct/source_model', key(suite.team('search-a')))).body).toEqual({
        field: 'source_model',
        values: ['flux-schnell'],
        count: 1,
      });
      expect((await get('/v1/files/storage/distinct/folder', key(suite.team('search-b')))).body).toEqual({
        field: 'folder',
        values: ['b-only'],
        count: 1,
      });
    });
    it.each(['colour', 'file_id', 'prompt', 'created_at', 'team_id', 'metadata.reviewer'])(
      'refuses %s with 400 naming it',
      async (field) => {
        const r = await get(`/v1/files/storage/distinct/${encodeURIComponent(field)}`, key(suite.team('search-a')));
        expect(r.status).toBe(400);
        expect(r.body).toMatchObject({
          detail: expect.stringContaining(`"${field}"`),
          error: { code: 'ValidationFailed', details: { field } },
        });
      },
    );
    it('needs a key', async () => {
      expect((await fetch(`${suite.gatewayUrl}/v1/files/storage/distinct/folder`)).status).toBe(401);
    });
  });

  describe('schema', () => {
    it('lists the 40 searchable fields with name, type, searchable, array', async () => {
      const r = await get('/v1/files/storage/schema/fields', key(suite.team('search-a')));
      expect(r.status).toBe(200);
      const body = r.body as { fields: Json[]; total_fields: number };
      expect(body.total_fields).toBe(40);
      expect(body.fields).toHaveLength(40);
      expect(body.fields).toEqual(
        expect.arrayContaining([
          { name: 'file_id', type: 'keyword', searchable: true, array: false },
          { name: 'filename', type: 'text', searchable: true, array: false },
          { name: 'created_at', type: 'date', searchable: true, array: false },
          { name: 'size', type: 'long', searchable: true, array: false },
          { name: 'tags', type: 'keyword', searchable: true, array: true },
          { name: 'cfg_scale', type: 'double', searchable: true, array: false },
          { name: 'legal_hold', type: 'boolean', searchable: true, array: false },
        ]),
      );
      expect((await fetch(`${suite.gatewayUrl}/v1/files/storage/schema/fields`)).status).toBe(401);
    });

    it('is in the storage OpenAPI document', async () => {
      const res = await fetch(`${suite.gatewayUrl}/docs/storage.json`);
      expect(res.status).toBe(200);
      const doc = (await res.json()) as { paths: Record<string, unknown> };
      expect(Object.keys(doc.paths)).toEqual(
        expect.arrayContaining(['/v1/files/storage/distinct/{field}', '/v1/files/storage/schema/fields']),
      );
    });
  });

  describe('reindex', () => {
    it('rebuilds the index from the files service’s records', async () => {
      // A real upload through the seed flow, so the files service has a record.
      const url = (await (
        await fetch(`${suite.gatewayUrl}/v1/files/upload-url`, {
          method: 'POST',
          headers: { 'X-API-Key': key(suite.team('search-a')), 'Content-Type': 'application/json' },
          body: JSON.stringify({ filename: 'real.txt', folder: 'reindexed' }),
        })
      ).json()) as { upload_url: string; upload_fields: Record<string, string>; object_key: string };
      const posted = await postUploadForm(url, { name: 'real.txt', bytes: 'hello', type: 'text/plain' });
      expect(posted.status).toBeLessThan(300);
      await waitFor(async () => (await names({ folder: 'reindexed' })).length === 1, {
        timeoutMs: 20_000,
        what: 'the upload to be indexed',
      });

      await db.query('DELETE FROM search.file_documents');
      expect(await names({})).toEqual([]);
      const run = spawnSync(process.execPath, [join(ROOT, 'apps/search-indexer/dist/reindex.js')], {
        cwd: ROOT,
        env: { PATH: process.env.PATH ?? '', ...suite.infra.env },
        encoding: 'utf8',
        timeout: 60_000,
      });
      expect([run.status, run.stderr]).toEqual([0, '']);
      // Only what the files service holds comes back: the synthetic documents were never its records.
      expect(await names({})).toEqual(['real.txt']);
      expect((await ok(key(suite.team('search-a')), { folder: 'reindexed' })).files[0]).toMatchObject({
        object_key: url.object_key,
        filename: 'real.txt',
      });
    });
  });
});
