import { FileDocument, RpcRequest } from '@mp/contracts';
import { EventPublisher, RpcClient, wireNames } from '@mp/platform';
import { bootApp, BootedApp, createTestInfra, TestInfra, testObjectStorage, waitFor } from '@mp/testing';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { searchIndexerConfigSchema } from '../src/app.config';
import { APP_NAME } from '../src/app.module';
import { FIELD_CATALOG } from '../src/search/field-catalog';
import { at, DAY_MS, doc, PORTRAIT_RENDER, PROJECT_DRAFT, VOICE_RECORDING } from './support/file-document.fixture';
import { startSearchIndexer } from '../src/start';

type SearchBody = Omit<RpcRequest<'search.files.query'>, 'team_id'>;

describe('search-indexer on real Postgres, NATS/JetStream and S3', () => {
  let infra: TestInfra;
  let booted: BootedApp;
  let publisher: EventPublisher;
  let rpc: RpcClient;
  let db: DataSource;

  const search = (team: string, body: SearchBody = {}) => rpc.request('search.files.query', { team_id: team, ...body });
  const keys = async (team: string, body: SearchBody = {}) => (await search(team, body)).files.map((f) => f.object_key);
  const upload = (file: FileDocument) => publisher.publish('files.file.uploaded', { file });
  const remove = (file: FileDocument) =>
    publisher.publish('files.file.deleted', {
      file_id: file.file_id,
      team_id: file.team_id,
      object_key: file.object_key,
      size: file.size,
      reason: 'deleted',
    });

  /** Every published event handled and acknowledged by both consumers. */
  async function settle(): Promise<void> {
    const names = wireNames(infra.namespace);
    const jsm = await infra.nc.jetstreamManager();
    await waitFor(
      async () => {
        for (const subject of ['files.file.uploaded', 'files.file.deleted'] as const) {
          const info = await jsm.consumers.info(names.eventStream, names.consumer(APP_NAME, subject));
          if (info.num_pending > 0 || info.num_ack_pending > 0) return false;
        }
        return true;
      },
      { timeoutMs: 20_000, what: 'search-indexer consumers to drain' },
    );
  }

  beforeAll(async () => {
    infra = await createTestInfra({ s3: true });
    booted = await bootApp({ schema: searchIndexerConfigSchema, start: startSearchIndexer, env: infra.env });
    publisher = booted.app.get(EventPublisher);
    rpc = booted.app.get(RpcClient);
    db = booted.app.get(DataSource);
  });

  afterAll(async () => {
    await booted?.close();
    await infra?.dispose();
  });

  it('has a typed column for every catalog field', async () => {
    const rows: { column_name: string; data_type: string }[] = await db.query(
      `SELECT column_name, data_type FROM information_schema.columns WHERE table_schema = 'search' AND table_name = 'file_documents'`,
    );
    const types = Object.fromEntries(rows.map((r) => [r.column_name, r.data_type]));
    const expected = {
      keyword: 'text',
      text: 'text',
      date: 'timestamp with time zone',
      long: 'bigint',
      double: 'double precision',
      boolean: 'boolean',
    };
    for (const field of FIELD_CATALOG)
      expect([field.name, types[field.name]]).toEqual([field.name, field.array ? 'ARRAY' : expected[field.type]]);
    expect(types).toMatchObject({ metadata: 'jsonb', deleted_at: 'timestamp with time zone' });
  });

  it('indexes uploaded files and answers the seed query with signed URLs', async () => {
    const team = randomUUID();
    const png = doc(team, 1, {
      metadata: { project: 'avatar-gen', tags: ['portrait', 'input'] },
      project: 'avatar-gen',
      tags: ['portrait', 'input'],
    });
    const newer = doc(team, 2);
    const jpeg = doc(team, 3, { content_type: 'image/jpeg', filename: 'a.jpg' });
    const outputs = doc(team, 4, { folder: 'outputs' });
    for (const f of [png, newer, jpeg, outputs]) await upload(f);
    await settle();

    const result = await search(team, {
      filters: { content_type: 'image/png', folder: 'inputs' },
      sort_by: 'created_at',
      sort_order: 'desc',
      page_size: 10,
    });
    expect(result).toMatchObject({ total: 2, page: 1, page_size: 10, total_pages: 1 });
    expect(result.files.map((f) => f.object_key)).toEqual([newer.object_key, png.object_key]);
    const hit = result.files[1];
    expect(hit).toEqual({
      object_key: png.object_key,
      filename: png.filename,
      content_type: 'image/png',
      size: png.size,
      folder: 'inputs',
      created_at: png.created_at,
      url: expect.any(String),
      metadata: { project: 'avatar-gen', tags: ['portrait', 'input'] },
    });
    const url = new URL(hit.url);
    expect(url.origin).toBe(new URL(infra.env.S3_PUBLIC_ENDPOINT).origin);
    // The file expires in 7 days and the URL may not outlive it.
    expect(Number(url.searchParams.get('X-Amz-Expires'))).toBeGreaterThan(604000);
    expect(Number(url.searchParams.get('X-Amz-Expires'))).toBeLessThanOrEqual(604800);

    // The URL serves the object straight from the store.
    const storage = testObjectStorage(infra.env);
    try {
      await storage.put({ key: png.object_key, body: Buffer.from('png-bytes'), contentType: 'image/png' });
      const download = await fetch(hit.url);
      expect(download.status).toBe(200);
      expect(await download.text()).toBe('png-bytes');
    } finally {
      storage.destroy();
    }
  });

  it('stores a redelivered event once and ignores an older version', async () => {
    const team = randomUUID();
    const v1 = doc(team, 10, { project: 'old', metadata: { project: 'old' } });
    const v2 = { ...v1, updated_at: at(20), project: 'new', metadata: { project: 'new', reviewer: 'kim' } };
    await upload(v2);
    await upload(v2); // the same event delivered again under another id
    await upload(v1); // late, older version
    await settle();
    const result = await search(team);
    expect(result.total).toBe(1);
    expect(result.files[0].metadata).toEqual({ project: 'new', reviewer: 'kim' });
    expect(await keys(team, { filters: { project: 'old' } })).toEqual([]);
    const [{ n }] = await db.query(`SELECT count(*)::int AS n FROM search.file_documents WHERE file_id = $1`, [
      v1.file_id,
    ]);
    expect(n).toBe(1);

    const v3 = { ...v2, updated_at: at(30), project: 'newest', metadata: { project: 'newest' } };
    await upload(v3);
    await settle();
    expect(await keys(team, { filters: { project: 'newest' } })).toEqual([v1.object_key]);
  });

  it('never resurrects a deleted file, whatever arrives after the deletion', async () => {
    const team = randomUUID();
    const file = doc(team, 1, { metadata: { secret: 'x' }, prompt: 'private prompt' });
    await upload(file);
    await settle();
    expect(await keys(team)).toEqual([file.object_key]);

    await remove(file);
    await remove(file); // idempotent
    await settle();
    expect(await search(team)).toMatchObject({ files: [], total: 0, total_pages: 0 });
    const [row] = await db.query(`SELECT metadata, prompt, deleted_at FROM search.file_documents WHERE file_id = $1`, [
      file.file_id,
    ]);
    expect(row).toMatchObject({ metadata: null, prompt: null, deleted_at: expect.any(Date) });

    await upload(file); // late redelivery of the old upload
    await upload({ ...file, updated_at: new Date(Date.now() + DAY_MS).toISOString() }); // even a newer one: deletion is final
    await settle();
    expect(await search(team)).toMatchObject({ files: [], total: 0 });

    const neverIndexed = doc(team, 2);
    await remove(neverIndexed); // deletion overtakes the upload
    await settle();
    await upload(neverIndexed);
    await settle();
    expect(await search(team)).toMatchObject({ files: [], total: 0 });
  });

  it('keeps teams apart', async () => {
    const [a, b] = [randomUUID(), randomUUID()];
    const fa = doc(a, 1, { project: 'shared' });
    const fb = doc(b, 1, { project: 'shared' });
    await upload(fa);
    await upload(fb);
    await settle();
    expect(await keys(a, { filters: { project: 'shared' } })).toEqual([fa.object_key]);
    expect(await keys(b, { filters: { project: 'shared' } })).toEqual([fb.object_key]);
    await expect(search(a, { filters: { team_id: b } })).rejects.toMatchObject({
      code: 'ValidationFailed',
      details: expect.objectContaining({ unknown_fields: ['team_id'] }),
    });
  });

  it('hides expired files and signs URLs no longer than the file lives', async () => {
    const team = randomUUID();
    const expired = doc(team, 1, { expires_at: new Date(Date.now() - 1000).toISOString() });
    const soon = doc(team, 2, { expires_at: new Date(Date.now() + 3600_000).toISOString() });
    const forever = doc(team, 3, { expires_at: null });
    for (const f of [expired, soon, forever]) await upload(f);
    await settle();
    const result = await search(team, { sort_by: 'created_at', sort_order: 'asc' });
    expect(result.files.map((f) => f.object_key)).toEqual([soon.object_key, forever.object_key]);
    expect(Number(new URL(result.files[0].url).searchParams.get('X-Amz-Expires'))).toBeLessThanOrEqual(3600);
    expect(Number(new URL(result.files[0].url).searchParams.get('X-Amz-Expires'))).toBeGreaterThan(3500);
    expect(Number(new URL(result.files[1].url).searchParams.get('X-Amz-Expires'))).toBe(604800);
  });

  // What each filter means per field type is the backend contract's (postgres-backend.integration-spec
  // runs it); these cases cover what the search request adds on its way there.
  describe('filters', () => {
    const team = randomUUID();
    const files = {
      portrait: doc(team, 1, {
        filename: 'Portrait_Final.PNG',
        ...PORTRAIT_RENDER,
        metadata: {
          reviewer: 'user@example.com',
          version: '1.0',
          scores: { quality: 9 },
          tags: ['portrait', 'approved'],
        },
      }),
      draft: doc(team, 2, {
        filename: 'draft 50%_off.png',
        ...PROJECT_DRAFT,
        metadata: { version: 2 },
      }),
      audio: doc(team, 3, VOICE_RECORDING),
    };
    const search$ = (filters: Record<string, unknown>) =>
      keys(team, { filters, sort_by: 'created_at', sort_order: 'asc' });

    beforeAll(async () => {
      for (const f of Object.values(files)) await upload(f);
      await settle();
    });

    it('matches custom metadata by metadata.<key> (JSON equality) and metadata objects (containment)', async () => {
      expect(await search$({ 'metadata.reviewer': 'user@example.com' })).toEqual([files.portrait.object_key]);
      expect(await search$({ 'metadata.version': '1.0' })).toEqual([files.portrait.object_key]);
      expect(await search$({ 'metadata.version': 2 })).toEqual([files.draft.object_key]);
      expect(await search$({ 'metadata.version': '2' })).toEqual([]);
      expect(await search$({ 'metadata.tags': ['approved'] })).toEqual([files.portrait.object_key]);
      expect(await search$({ metadata: { scores: { quality: 9 } } })).toEqual([files.portrait.object_key]);
      expect(
        await search$({ 'metadata.reviewer': 'user@example.com', tags: 'portrait', width: { gte: 1000 } }),
      ).toEqual([files.portrait.object_key]);
    });

    it('treats keys that are not catalog fields as custom metadata keys, with ranges on numbers', async () => {
      expect(await search$({ reviewer: 'user@example.com' })).toEqual([files.portrait.object_key]);
      expect(await search$({ reviewer: 'kim', colour: 'red' })).toEqual([]);
      expect(await search$({ version: 2 })).toEqual([files.draft.object_key]);
      expect(await search$({ version: { gte: 1.5 } })).toEqual([files.draft.object_key]);
      expect(await search$({ scores: { quality: 9 }, tags: ['approved', 'portrait'] })).toEqual([
        files.portrait.object_key,
      ]);
    });

    it('rejects unsearchable fields, bad custom keys and bad values as ValidationFailed naming them', async () => {
      await expect(search(team, { filters: { team_id: team, upload_ip: 'x' } })).rejects.toMatchObject({
        code: 'ValidationFailed',
        message: expect.stringContaining('"team_id", "upload_ip" are not searchable fields'),
        details: expect.objectContaining({ unknown_fields: ['team_id', 'upload_ip'] }),
      });
      const refusals: Array<[SearchBody, string]> = [
        [{ filters: { ['k'.repeat(257)]: 1 } }, 'custom metadata key must be 1 to 256 characters long'],
        [
          { filters: { version: { gte: 'soon' } } },
          'filters.version: range bounds must be all numbers or all ISO 8601 dates',
        ],
        [{ sort_by: 'reviewer' }, 'sort_by: unknown field "reviewer"'],
        [{ filters: { created_at: { gte: 'last week' } } }, 'filters.created_at'],
        [{ sort_by: 'tags' }, 'sort_by'],
        [{ page_size: 101 }, 'page_size'],
      ];
      for (const [body, message] of refusals)
        await expect(search(team, body)).rejects.toMatchObject({
          code: 'ValidationFailed',
          message: expect.stringContaining(message),
        });
    });
  });

  describe('sorting and paging', () => {
    const team = randomUUID();
    // 7 files; sizes tie in pairs so the file id must break ties.
    const files = Array.from({ length: 7 }, (_, i) => doc(team, i, { size: 100 * Math.floor(i / 2) }));

    beforeAll(async () => {
      for (const f of files) await upload(f);
      await settle();
    });

    it('defaults to newest first', async () => {
      expect(await keys(team)).toEqual([...files].reverse().map((f) => f.object_key));
    });

    it('pages without gaps or repeats, and answers past the end with the total', async () => {
      const pages = [];
      for (let page = 1; page <= 3; page++)
        pages.push(await search(team, { sort_by: 'size', sort_order: 'asc', page, page_size: 3 }));
      expect(pages.map((p) => p.files.length)).toEqual([3, 3, 1]);
      expect(pages.every((p) => p.total === 7 && p.total_pages === 3)).toBe(true);
      const all = pages.flatMap((p) => p.files.map((f) => f.object_key));
      expect(all).toEqual(await keys(team, { sort_by: 'size', sort_order: 'asc', page_size: 100 }));
      expect(new Set(all).size).toBe(7);
      expect(await search(team, { page: 4, page_size: 3 })).toEqual({
        files: [],
        total: 7,
        page: 4,
        page_size: 3,
        total_pages: 3,
      });
      expect(await search(team, { page: 1000, page_size: 100 })).toMatchObject({ files: [], total: 7, total_pages: 1 });
    });
  });
});
