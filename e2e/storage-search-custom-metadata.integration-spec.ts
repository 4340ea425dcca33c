import { platformSuite, solidPng, TeamKeys, waitFor } from '@mp/testing';
import { searchFiles, uploadFile } from './support/seed-000-client';

/**
 * Seed 000's metadata update example writes a custom `reviewer` key; a client then filters on it
 * by its bare name. Through the gateway, against the real processes: upload, PATCH custom keys,
 * search by equality, number and date ranges, array containment.
 */

type Hit = { object_key: string; filename: string; metadata: Record<string, unknown> };
type SearchBody = {
  files: Hit[];
  total: number;
  detail?: string;
  error?: { code: string; message: string; details: Record<string, unknown> };
};

describe('storage search on custom metadata keys (seed 000 PATCH, then filter; real processes)', () => {
  const suite = platformSuite({
    apps: ['quota-billing', 'files', 'search-indexer', 'gateway'],
    env: { RECONCILE_INTERVAL_MS: '1000' },
    teams: { 'custom-meta': ['cdt'], 'custom-meta-other': ['cdt'] },
  });
  let reviewed: string;
  let untouched: string;
  const keyOf = (t: TeamKeys) => t.keys.cdt!.key!;

  const search = (filters: Record<string, unknown>, options: { sortBy?: string; apiKey?: string } = {}) =>
    searchFiles<SearchBody>(suite.gatewayUrl, options.apiKey ?? keyOf(suite.team('custom-meta')), filters, {
      sortBy: options.sortBy,
      sortOrder: 'asc',
    });

  async function found(filters: Record<string, unknown>): Promise<string[]> {
    const r = await search(filters);
    expect([r.status, r.body.error]).toEqual([200, undefined]);
    return r.body.files.map((f) => f.object_key);
  }

  /** The seed's upload: upload-url, then the presigned POST; resolves once search finds the file. */
  async function upload(filename: string): Promise<string> {
    const data = await uploadFile(suite.gatewayUrl, keyOf(suite.team('custom-meta')), {
      name: filename,
      bytes: solidPng(8, 8),
    });
    expect(data.uploadStatus).toBeLessThan(300);
    await waitFor(async () => (await search({ object_key: data.object_key })).body.total === 1, {
      timeoutMs: 20_000,
      what: `${filename} to be indexed`,
    });
    return data.object_key;
  }

  beforeAll(async () => {
    reviewed = await upload('reviewed.png');
    untouched = await upload('untouched.png');

    // seed 000 "메타데이터 수정 API": PATCH /v1/files/storage/file/metadata
    const patched = await fetch(`${suite.gatewayUrl}/v1/files/storage/file/metadata`, {
      method: 'PATCH',
      headers: { 'X-API-Key': keyOf(suite.team('custom-meta')), 'Content-Type': 'application/json' },
      body: JSON.stringify({
        object_key: reviewed,
        metadata: { reviewer: 'user@example.com', score: 7, reviewed_at: '2026-01-02T03:04:05Z', tags2: ['a', 'b'] },
      }),
    });
    expect(patched.status).toBe(200);
    expect(await patched.json()).toMatchObject({
      success: true,
      updated_fields: ['reviewer', 'score', 'reviewed_at', 'tags2'],
    });
    await waitFor(async () => (await search({ object_key: reviewed })).body.files[0]?.metadata.score === 7, {
      timeoutMs: 20_000,
      what: 'the metadata update to be indexed',
    });
  });

  it('filters by a bare custom key exactly as by metadata.<key>', async () => {
    const r = await search({ reviewer: 'user@example.com' });
    expect(r.status).toBe(200);
    expect(r.body.total).toBe(1);
    expect(r.body.files[0]).toMatchObject({
      object_key: reviewed,
      metadata: { reviewer: 'user@example.com', score: 7, reviewed_at: '2026-01-02T03:04:05Z', tags2: ['a', 'b'] },
    });
    expect(await found({ 'metadata.reviewer': 'user@example.com' })).toEqual([reviewed]);
    expect(await found({ reviewer: 'user@example.com', folder: 'inputs', content_type: 'image/png' })).toEqual([
      reviewed,
    ]);
  });

  it('ranges over a number', async () => {
    expect(await found({ score: { gte: 5, lte: 10 } })).toEqual([reviewed]);
    expect(await found({ score: { gt: 7 } })).toEqual([]);
    expect(await found({ score: 7 })).toEqual([reviewed]);
  });

  it('ranges over a date, with Z, offsets or a bare date', async () => {
    expect(await found({ reviewed_at: { gte: '2026-01-01', lt: '2026-01-03' } })).toEqual([reviewed]);
    expect(await found({ reviewed_at: { lte: '2026-01-02T12:04:05+09:00' } })).toEqual([reviewed]);
    expect(await found({ reviewed_at: { gt: '2026-01-02T12:04:05+09:00' } })).toEqual([]);
  });

  it('an array value must be contained entirely', async () => {
    expect(await found({ tags2: ['a', 'b'] })).toEqual([reviewed]);
    expect(await found({ tags2: ['b'] })).toEqual([reviewed]);
    expect(await found({ tags2: ['a', 'z'] })).toEqual([]);
  });

  it('finds nothing that does not match, and nothing of another team', async () => {
    expect(await found({ reviewer: 'someone@example.com' })).toEqual([]);
    expect(await found({ score: { lt: 7 } })).toEqual([]);
    expect(await found({})).toEqual([reviewed, untouched]);
    const foreign = await search({ reviewer: 'user@example.com' }, { apiKey: keyOf(suite.team('custom-meta-other')) });
    expect([foreign.status, foreign.body.total]).toEqual([200, 0]);
  });

  it('still answers 400 for an unknown sort_by, an unsearchable field and a bad custom range', async () => {
    const sort = await search({ reviewer: 'user@example.com' }, { sortBy: 'reviewer' });
    expect(sort.status).toBe(400);
    expect(sort.body).toMatchObject({
      detail: expect.stringContaining('sort_by: unknown field "reviewer"'),
      error: { code: 'ValidationFailed' },
    });
    const internal = await search({ upload_ip: '127.0.0.1' });
    expect(internal.status).toBe(400);
    expect(internal.body.detail).toContain('"upload_ip" is not a searchable field');
    const range = await search({ reviewed_at: { gte: 'last week' } });
    expect(range.status).toBe(400);
    expect(range.body.detail).toContain('filters.reviewed_at: range bounds must be all numbers or all ISO 8601 dates');
  });
});
