import { DistinctQuery } from '../search-backend';
import { buildDistinctStatement, SKIP_SCAN_FIELDS } from './postgres-distinct.builder';

const TEAM = '11111111-1111-4111-8111-111111111111';
const NOW = new Date('2025-12-14T12:00:00.000Z');
const q = (field: DistinctQuery['field']): DistinctQuery => ({ team_id: TEAM, field, now: NOW, limit: 1000 });
const LIVE = `d."team_id" = $1
      AND d."deleted_at" IS NULL
      AND (d."expires_at" IS NULL OR d."expires_at" > $2::timestamptz)`;

describe('buildDistinctStatement', () => {
  it('skip-scans an indexed keyword field: one index descent per value, live and unexpired only', () => {
    const { text, values } = buildDistinctStatement(q('folder'));
    expect(text).toBe(`WITH RECURSIVE v(value) AS (
  (SELECT d."folder" FROM "search"."file_documents" d WHERE ${LIVE} AND d."folder" IS NOT NULL ORDER BY d."folder" LIMIT 1)
  UNION ALL
  SELECT (SELECT d."folder" FROM "search"."file_documents" d WHERE ${LIVE} AND d."folder" > v.value ORDER BY d."folder" LIMIT 1) FROM v WHERE v.value IS NOT NULL
)
SELECT v.value FROM v WHERE v.value IS NOT NULL LIMIT $3`);
    expect(values).toEqual([TEAM, '2025-12-14T12:00:00.000Z', 1000]);
  });

  it('skip-scans the seed distinct fields', () => {
    for (const field of [
      'folder',
      'content_type',
      'extension',
      'category',
      'project',
      'source_model',
      'status',
    ] as const)
      expect(SKIP_SCAN_FIELDS.has(field)).toBe(true);
  });

  it('unnests arrays, probes booleans, and falls back to DISTINCT for other keywords', () => {
    expect(buildDistinctStatement(q('tags')).text).toContain('CROSS JOIN LATERAL unnest(d."tags") AS v(value)');
    expect(buildDistinctStatement(q('legal_hold')).text).toContain(
      'unnest(ARRAY[false, true]) AS v(value)\n WHERE EXISTS (SELECT 1 FROM "search"."file_documents" d WHERE',
    );
    expect(buildDistinctStatement(q('visibility')).text).toMatch(/^SELECT DISTINCT d."visibility" AS value FROM/);
  });

  it('refuses fields without distinct values', () => {
    expect(() => buildDistinctStatement(q('file_id'))).toThrow('Not a distinct field');
    expect(() => buildDistinctStatement(q('created_at'))).toThrow('Not a distinct field');
  });
});
