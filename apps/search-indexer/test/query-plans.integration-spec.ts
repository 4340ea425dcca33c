import { BootedApp, bootApp, createTestInfra, TestInfra } from '@mp/testing';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { searchIndexerConfigSchema } from '../src/app.config';
import { buildDistinctStatement } from '../src/search/postgres/postgres-distinct.builder';
import { buildSearchStatement, SqlStatement } from '../src/search/postgres/postgres-query.builder';
import { parseSearchRequest } from '../src/search/search-request.parser';
import { startSearchIndexer } from '../src/start';

interface PlanNode {
  'Node Type': string;
  'Relation Name'?: string;
  'Index Name'?: string;
  Plans?: PlanNode[];
}

/** The five documented queries (issue 3 item 9, the benchmark's) use indexes, never a sequential scan. */
describe('Postgres query plans of the documented queries', () => {
  let infra: TestInfra;
  let booted: BootedApp;
  let db: DataSource;
  const teams = Array.from({ length: 8 }, () => randomUUID());
  const team = teams[0];

  async function plan(statement: SqlStatement): Promise<PlanNode[]> {
    const [{ 'QUERY PLAN': json }] = await db.query(`EXPLAIN (FORMAT JSON) ${statement.text}`, statement.values);
    const nodes: PlanNode[] = [];
    const walk = (node: PlanNode) => {
      nodes.push(node);
      for (const child of node.Plans ?? []) walk(child);
    };
    walk(json[0].Plan);
    return nodes;
  }
  const search = (filters: Record<string, unknown>) =>
    buildSearchStatement(
      parseSearchRequest(
        { team_id: team, filters, sort_by: 'created_at', sort_order: 'desc', page: 1, page_size: 20 },
        { now: new Date() },
      ),
    );
  const seqScans = (nodes: PlanNode[]) =>
    nodes.filter((n) => n['Node Type'] === 'Seq Scan' && n['Relation Name'] === 'file_documents');
  const indexes = (nodes: PlanNode[]) => nodes.map((n) => n['Index Name']).filter(Boolean);

  beforeAll(async () => {
    infra = await createTestInfra({ s3: true });
    booted = await bootApp({ schema: searchIndexerConfigSchema, start: startSearchIndexer, env: infra.env });
    db = booted.app.get(DataSource);
    // 40,000 documents over 8 teams, shaped like the benchmark's.
    await db.query(
      `INSERT INTO search.file_documents (file_id, team_id, object_key, filename, created_at, updated_at, expires_at, source, source_model, content_type, size, folder,
                                          project, tags, labels, status, is_processed, is_archived, legal_hold, metadata)
       SELECT 'bulk-' || g, ($1::text[])[1 + g % 8], 'aiapi/bulk/' || g, 'render_' || lpad(g::text, 7, '0') || '.png', now() - g * interval '1 minute', now(), now() + interval '7 days',
              'prediction', (ARRAY['flux-schnell','flux-dev','sdxl','kling','seedream'])[1 + g % 5],
              (ARRAY['image/png','image/jpeg','video/mp4','audio/wav','text/plain'])[1 + (g / 8) % 5], g,
              'folder-' || ((g / 40) % 20), 'project-' || ((g / 8) % 30), ARRAY['t' || g % 10, 't' || g % 7], '{}', 'active', false, false, false, '{}'
         FROM generate_series(1, 40000) g`,
      [teams],
    );
    await db.query('ANALYZE search.file_documents');
  });

  afterAll(async () => {
    await booted?.close();
    await infra?.dispose();
  });

  it('folder + content_type, newest first', async () => {
    const nodes = await plan(search({ folder: 'folder-3', content_type: 'image/png' }));
    expect(seqScans(nodes)).toEqual([]);
    expect(indexes(nodes)).toContain('file_documents_team_folder_type_created_idx');
  });

  it('project + tags', async () => {
    const nodes = await plan(search({ project: 'project-7', tags: ['t3'] }));
    expect(seqScans(nodes)).toEqual([]);
    expect(
      indexes(nodes).some((name) => name === 'file_documents_team_project_idx' || name === 'file_documents_tags_idx'),
    ).toBe(true);
  });

  it('source_model + created_at range', async () => {
    const nodes = await plan(
      search({
        source_model: 'flux-schnell',
        created_at: { gte: new Date(Date.now() - 3 * 86_400_000).toISOString() },
      }),
    );
    expect(seqScans(nodes)).toEqual([]);
    expect(indexes(nodes)).toContain('file_documents_team_model_created_idx');
  });

  it('text on filename', async () => {
    const nodes = await plan(search({ filename: 'render_00123' }));
    expect(seqScans(nodes)).toEqual([]);
    expect(indexes(nodes)).toContain('file_documents_team_filename_trgm_idx');
  });

  it('distinct folders (a skip scan over the folder index)', async () => {
    const nodes = await plan(buildDistinctStatement({ team_id: team, field: 'folder', now: new Date(), limit: 1000 }));
    expect(seqScans(nodes)).toEqual([]);
    expect(indexes(nodes)).toContain('file_documents_team_folder_type_created_idx');
    const [{ n }] = await db.query(
      `SELECT count(*)::int AS n FROM (${buildDistinctStatement({ team_id: team, field: 'folder', now: new Date(), limit: 1000 }).text}) v`,
      [team, new Date().toISOString(), 1000],
    );
    expect(n).toBe(20);
  });
});
