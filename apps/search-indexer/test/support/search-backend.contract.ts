import { randomUUID } from 'node:crypto';
import { SearchBackend, SearchQuery } from '../../src/search/search-backend';
import { parseSearchRequest, SearchRequest } from '../../src/search/search-request.parser';
import { at, DAY_MS, doc, PORTRAIT_RENDER, PROJECT_DRAFT, VOICE_RECORDING } from './file-document.fixture';

export interface ContractSubject {
  backend: SearchBackend;
  /** Makes every write so far visible to search (a no-op where writes are visible at once). */
  settle(): Promise<void>;
}

/**
 * The behaviour every search backend must show, as one suite. Each backend's spec calls this with
 * a factory; documents are written straight through the SearchBackend interface.
 */
export function searchBackendContract(open: () => Promise<ContractSubject>, close: () => Promise<void>): void {
  let subject: ContractSubject;
  let backend: SearchBackend;
  const NOW = () => new Date();

  const query = (team: string, body: Partial<SearchRequest> = {}): SearchQuery =>
    parseSearchRequest(
      { team_id: team, filters: {}, sort_by: 'created_at', sort_order: 'asc', page: 1, page_size: 100, ...body },
      { now: NOW() },
    );
  const keys = async (team: string, body: Partial<SearchRequest> = {}) =>
    (await backend.search(query(team, body))).files.map((f) => f.object_key);

  beforeAll(async () => {
    subject = await open();
    backend = subject.backend;
  });
  afterAll(close);

  describe('filters', () => {
    const team = randomUUID();
    const other = randomUUID();
    const files = {
      portrait: doc(team, 1, {
        filename: 'portrait_final.png',
        ...PORTRAIT_RENDER,
        metadata: {
          reviewer: 'user@example.com',
          version: '1.0',
          tags: ['portrait', 'approved'],
          score: 7,
          reviewed_at: '2026-01-02T03:04:05Z',
          tags2: ['a', 'b'],
        },
      }),
      draft: doc(team, 2, {
        filename: 'draft 50%_off*.png',
        ...PROJECT_DRAFT,
        folder: 'drafts',
        metadata: { score: 3.5, reviewed_at: '2026-01-05T09:00:00+09:00', samples: [1, 10], reviewer: 'other' },
      }),
      audio: doc(team, 3, {
        ...VOICE_RECORDING,
        metadata: { score: '8', reviewed_at: 'not a date', tags2: ['a'], project: 'avatar-gen', day: '2026-01-02' },
      }),
      expired: doc(team, 4, {
        project: 'avatar-gen',
        folder: 'expired-folder',
        tags: ['stale'],
        expires_at: new Date(Date.now() - 1000).toISOString(),
      }),
      foreign: doc(other, 1, { project: 'avatar-gen', folder: 'foreign-folder', tags: ['foreign'] }),
    };
    const search$ = (filters: Record<string, unknown>) => keys(team, { filters });

    beforeAll(async () => {
      const { applied } = await backend.upsertMany({ documents: Object.values(files) });
      expect(applied.sort()).toEqual(
        Object.values(files)
          .map((f) => f.file_id)
          .sort(),
      );
      await subject.settle();
    });

    it('equality on keyword, long, double, boolean and date fields, and null for unset', async () => {
      expect(await search$({ project: 'avatar-gen' })).toEqual([files.portrait.object_key, files.draft.object_key]);
      expect(await search$({ source: 'prediction', source_model: 'flux-schnell' })).toEqual([
        files.portrait.object_key,
      ]);
      expect(await search$({ seed: 12345 })).toEqual([files.portrait.object_key]);
      expect(await search$({ cfg_scale: 7.5 })).toEqual([files.portrait.object_key]);
      expect(await search$({ legal_hold: true })).toEqual([files.audio.object_key]);
      expect(await search$({ is_processed: false })).toEqual([files.draft.object_key, files.audio.object_key]);
      expect(await search$({ created_at: files.draft.created_at })).toEqual([files.draft.object_key]);
      expect(await search$({ project: null })).toEqual([files.audio.object_key]);
    });

    it('arrays match when the file has every given value', async () => {
      expect(await search$({ tags: 'portrait' })).toEqual([files.portrait.object_key, files.draft.object_key]);
      expect(await search$({ tags: ['portrait', 'approved'] })).toEqual([files.portrait.object_key]);
      expect(await search$({ tags: ['approved'], labels: 'face' })).toEqual([files.portrait.object_key]);
      expect(await search$({ tags: ['portrait', 'missing'] })).toEqual([]);
    });

    it('ranges on dates and numbers', async () => {
      expect(await search$({ created_at: { gte: at(2) } })).toEqual([files.draft.object_key, files.audio.object_key]);
      expect(await search$({ created_at: { gt: at(1), lt: at(3) } })).toEqual([files.draft.object_key]);
      expect(await search$({ created_at: { lte: '2025-12-01' } })).toEqual([]);
      expect(await search$({ size: { gte: 1_000_000 } })).toEqual([files.draft.object_key]);
      expect(await search$({ width: { gt: 512, lte: 1024 } })).toEqual([files.portrait.object_key]);
      expect(await search$({ duration: { gte: 3, lt: 3.5 } })).toEqual([files.audio.object_key]);
    });

    it('text fields match case-insensitive substrings, wildcard characters literally', async () => {
      expect(await search$({ filename: 'PORTRAIT_fin' })).toEqual([files.portrait.object_key]);
      expect(await search$({ filename: '.png' })).toEqual([files.portrait.object_key, files.draft.object_key]);
      expect(await search$({ filename: '50%_off*' })).toEqual([files.draft.object_key]);
      expect(await search$({ filename: '*' })).toEqual([files.draft.object_key]);
      expect(await search$({ prompt: 'headshot' })).toEqual([files.portrait.object_key]);
    });

    it('custom metadata keys by equality, arrays by containment', async () => {
      expect(await search$({ 'metadata.reviewer': 'user@example.com' })).toEqual([files.portrait.object_key]);
      expect(await search$({ 'metadata.version': '1.0' })).toEqual([files.portrait.object_key]);
      expect(await search$({ 'metadata.reviewer': 'someone-else' })).toEqual([]);
      expect(await search$({ 'metadata.tags': ['approved'] })).toEqual([files.portrait.object_key]);
      expect(
        await search$({ 'metadata.reviewer': 'user@example.com', tags: 'portrait', width: { gte: 1000 } }),
      ).toEqual([files.portrait.object_key]);
    });

    it('any other filter key is a custom metadata key, exactly like metadata.<key>; catalog fields win', async () => {
      expect(await search$({ reviewer: 'user@example.com' })).toEqual([files.portrait.object_key]);
      expect(await search$({ reviewer: 'nobody@example.com' })).toEqual([]);
      expect(await search$({ score: 7 })).toEqual([files.portrait.object_key]);
      expect(await search$({ score: '8' })).toEqual([files.audio.object_key]);
      expect(await search$({ tags2: ['a', 'b'] })).toEqual([files.portrait.object_key]);
      expect(await search$({ tags2: ['a'] })).toEqual([files.portrait.object_key, files.audio.object_key]);
      expect(await search$({ tags2: ['a', 'c'] })).toEqual([]);
      expect(await search$({ project: 'avatar-gen' })).toEqual([files.portrait.object_key, files.draft.object_key]);
      expect(await search$({ 'metadata.project': 'avatar-gen' })).toEqual([files.audio.object_key]);
      expect(await search$({ reviewer: 'user@example.com', score: { gte: 7 }, tags: 'portrait' })).toEqual([
        files.portrait.object_key,
      ]);
    });

    it('ranges on custom keys compare numbers as numbers (strings never match)', async () => {
      expect(await search$({ score: { gte: 5 } })).toEqual([files.portrait.object_key]);
      expect(await search$({ 'metadata.score': { gt: 3, lt: 4 } })).toEqual([files.draft.object_key]);
      expect(await search$({ score: { gte: 3.5, lte: 7 } })).toEqual([
        files.portrait.object_key,
        files.draft.object_key,
      ]);
      expect(await search$({ score: { gt: 7 } })).toEqual([]);
      expect(await search$({ score: { gte: 2, lte: 100 } })).toEqual([
        files.portrait.object_key,
        files.draft.object_key,
      ]);
      // an array matches when one element is within every bound
      expect(await search$({ samples: { gte: 9 } })).toEqual([files.draft.object_key]);
      expect(await search$({ samples: { gte: 5, lte: 6 } })).toEqual([]);
      expect(await search$({ missing_key: { gte: 0 } })).toEqual([]);
    });

    it('ranges on custom keys compare ISO 8601 dates as instants, with Z, offsets or a bare date', async () => {
      expect(await search$({ reviewed_at: { gte: '2026-01-02', lt: '2026-01-03' } })).toEqual([
        files.portrait.object_key,
      ]);
      expect(await search$({ reviewed_at: { gt: '2026-01-02T03:04:05Z' } })).toEqual([files.draft.object_key]);
      expect(await search$({ reviewed_at: { lte: '2026-01-02T12:04:05+09:00' } })).toEqual([files.portrait.object_key]);
      expect(await search$({ reviewed_at: { gte: '2026-01-05T00:00:00Z', lte: '2026-01-05T00:00:00Z' } })).toEqual([
        files.draft.object_key,
      ]);
      expect(await search$({ reviewed_at: { gte: '2026-02-01' } })).toEqual([]);
      expect(await search$({ day: { gte: '2026-01-01T23:00:00-01:00', lt: '2026-01-02T00:00:01Z' } })).toEqual([
        files.audio.object_key,
      ]);
    });

    it('never shows expired files or another team’s files', async () => {
      expect(await search$({})).toEqual([files.portrait.object_key, files.draft.object_key, files.audio.object_key]);
      expect(await search$({ folder: 'expired-folder' })).toEqual([]);
      expect(await keys(other)).toEqual([files.foreign.object_key]);
    });

    it('returns the hit fields and the stored metadata', async () => {
      const { files: hits, total } = await backend.search(query(team, { filters: { seed: 12345 } }));
      expect(total).toBe(1);
      expect(hits[0]).toEqual({
        file_id: files.portrait.file_id,
        object_key: files.portrait.object_key,
        filename: files.portrait.filename,
        content_type: 'image/png',
        size: files.portrait.size,
        folder: 'inputs',
        created_at: new Date(files.portrait.created_at),
        expires_at: new Date(files.portrait.expires_at as string),
        metadata: files.portrait.metadata,
      });
    });

    it('lists distinct values over the team’s live files: scalars, arrays, booleans', async () => {
      const distinct = (field: 'folder' | 'tags' | 'legal_hold' | 'project' | 'content_type' | 'visibility') =>
        backend.distinct({ team_id: team, field, now: NOW(), limit: 1000 });
      expect(await distinct('folder')).toEqual(['drafts', 'inputs', 'voices']);
      expect(await distinct('tags')).toEqual(['approved', 'portrait']);
      expect(await distinct('legal_hold')).toEqual([false, true]);
      expect(await distinct('project')).toEqual(['avatar-gen']);
      expect(await distinct('content_type')).toEqual(['audio/wav', 'image/png']);
      expect(await distinct('visibility')).toEqual([]);
      expect(await backend.distinct({ team_id: team, field: 'folder', now: NOW(), limit: 2 })).toEqual([
        'drafts',
        'inputs',
      ]);
      expect(await backend.distinct({ team_id: other, field: 'folder', now: NOW(), limit: 1000 })).toEqual([
        'foreign-folder',
      ]);
    });
  });

  describe('sorting and paging', () => {
    const team = randomUUID();
    const files = Array.from({ length: 7 }, (_, i) =>
      doc(team, i, {
        size: 100 * Math.floor(i / 2),
        filename: `name-${String.fromCharCode(97 + i)}.png`,
        width: i % 3 ? i : null,
      }),
    );

    beforeAll(async () => {
      await backend.upsertMany({ documents: files });
      await subject.settle();
    });

    it('sorts by any sortable field, ties broken by file id, unset values last', async () => {
      const bySizeAsc = [...files]
        .sort((x, y) => x.size - y.size || (x.file_id < y.file_id ? -1 : 1))
        .map((f) => f.object_key);
      expect(await keys(team, { sort_by: 'size', sort_order: 'asc' })).toEqual(bySizeAsc);
      expect(await keys(team, { sort_by: 'size', sort_order: 'desc' })).toEqual([...bySizeAsc].reverse());
      expect(await keys(team, { sort_by: 'filename', sort_order: 'desc' })).toEqual(
        [...files].reverse().map((f) => f.object_key),
      );
      const byWidth = await keys(team, { sort_by: 'width', sort_order: 'desc' });
      expect(byWidth.slice(-3).sort()).toEqual([files[0], files[3], files[6]].map((f) => f.object_key).sort());
      expect(byWidth.slice(0, 4)).toEqual([files[5], files[4], files[2], files[1]].map((f) => f.object_key));
    });

    it('pages without gaps or repeats; past the end: no files, the total', async () => {
      const pages = [];
      for (let page = 1; page <= 3; page++)
        pages.push(await backend.search(query(team, { sort_by: 'size', page, page_size: 3 })));
      expect(pages.map((p) => p.files.length)).toEqual([3, 3, 1]);
      expect(pages.every((p) => p.total === 7)).toBe(true);
      const all = pages.flatMap((p) => p.files.map((f) => f.object_key));
      expect(all).toEqual(await keys(team, { sort_by: 'size' }));
      expect(await backend.search(query(team, { page: 4, page_size: 3 }))).toEqual({ total: 7, files: [] });
      expect(await backend.search(query(randomUUID()))).toEqual({ total: 0, files: [] });
    });
  });

  describe('writes', () => {
    it('applies only newer versions and reports which were applied', async () => {
      const team = randomUUID();
      const v1 = doc(team, 10, { project: 'old' });
      const v2 = { ...v1, updated_at: at(20), project: 'new' };
      expect((await backend.upsertMany({ documents: [v2] })).applied).toEqual([v2.file_id]);
      expect((await backend.upsertMany({ documents: [v1] })).applied).toEqual([]);
      expect(await backend.upsert({ document: v2 })).toEqual({ applied: false });
      await subject.settle();
      expect(await keys(team, { filters: { project: 'new' } })).toEqual([v1.object_key]);
      expect(await keys(team, { filters: { project: 'old' } })).toEqual([]);
    });

    it('never revives a deleted file; a second deletion is not applied', async () => {
      const team = randomUUID();
      const file = doc(team, 1);
      await backend.upsert({ document: file });
      expect(
        await backend.remove({ file_id: file.file_id, team_id: team, deleted_at: new Date().toISOString() }),
      ).toEqual({ applied: true });
      expect(
        await backend.remove({ file_id: file.file_id, team_id: team, deleted_at: new Date().toISOString() }),
      ).toEqual({ applied: false });
      expect(
        await backend.upsert({ document: { ...file, updated_at: new Date(Date.now() + DAY_MS).toISOString() } }),
      ).toEqual({ applied: false });
      await subject.settle();
      expect(await backend.search(query(team))).toEqual({ total: 0, files: [] });
      expect(await backend.distinct({ team_id: team, field: 'folder', now: NOW(), limit: 10 })).toEqual([]);
    });
  });

  describe('rebuild', () => {
    it('replaces the index with the written documents, keeping tombstones and changes made meanwhile', async () => {
      const team = randomUUID();
      const kept = doc(team, 1, { project: 'kept' });
      const stale = doc(team, 2, { project: 'stale-only-in-old-index' });
      const deleted = doc(team, 3);
      await backend.upsertMany({ documents: [kept, stale, deleted] });
      await backend.remove({ file_id: deleted.file_id, team_id: team, deleted_at: new Date().toISOString() });
      await subject.settle();

      const rebuild = await backend.startRebuild();
      const meanwhile = doc(team, 4, { project: 'meanwhile' });
      await backend.upsert({ document: meanwhile }); // written to the live index during the rebuild
      await rebuild.write([kept, { ...deleted }]); // the source still lists the deleted file (a race): the tombstone wins
      const { documents } = await rebuild.finish();
      await subject.settle();

      expect(documents).toBeGreaterThanOrEqual(2);
      expect(await keys(team)).toEqual([kept.object_key, meanwhile.object_key]);
      expect(await backend.upsert({ document: { ...deleted, updated_at: new Date().toISOString() } })).toEqual({
        applied: false,
      });
      // the rebuilt index serves every query kind
      expect(await keys(team, { filters: { project: 'kept', filename: 'file-1' } })).toEqual([kept.object_key]);
      expect(await backend.distinct({ team_id: team, field: 'project', now: NOW(), limit: 10 })).toEqual([
        'kept',
        'meanwhile',
      ]);
    });

    it('leaves the live index untouched when aborted', async () => {
      const team = randomUUID();
      const file = doc(team, 1);
      await backend.upsert({ document: file });
      await subject.settle();
      const rebuild = await backend.startRebuild();
      await rebuild.write([doc(team, 2)]);
      await rebuild.abort();
      await subject.settle();
      expect(await keys(team)).toEqual([file.object_key]);
    });
  });
}
