import { FileDocument } from '@mp/contracts';
import { query, TEAM } from '../../../test/support/search-query.fixture';
import {
  buildRemoveStatement,
  buildSearchStatement,
  buildUpsertManyStatement,
  buildUpsertStatement,
  containsPattern,
} from './postgres-query.builder';

/** The WHERE conditions after the fixed team/tombstone/expiry ones, from the count subquery. */
function filterSql(text: string): string[] {
  const where = /WHERE ([\s\S]*?)\n\)(?: c|\n)/.exec(text)?.[1] ?? '';
  return where.split(/\n\s+AND /).slice(3);
}

describe('buildSearchStatement', () => {
  it('collects text matches once, then counts and pages them (one trigram scan, not two)', () => {
    const { text, values } = buildSearchStatement(
      query([{ kind: 'match', field: 'filename', value: 'render_0012' }], { page: 2, page_size: 5 }),
    );
    expect(text.startsWith('WITH matches AS MATERIALIZED (')).toBe(true);
    expect(text.match(/ILIKE/g)).toHaveLength(1);
    expect(text).toContain('FROM (SELECT count(*) AS total FROM matches) c');
    expect(text).toContain('FROM matches d\n   ORDER BY d."created_at" DESC, d."file_id" DESC\n   LIMIT $4 OFFSET $5');
    expect(values).toEqual([TEAM, '2025-12-14T12:00:00.000Z', '%render\\_0012%', 5, 5]);
  });

  it('builds the seed query: team-scoped, live, unexpired, counted and paged in one statement', () => {
    const { text, values } = buildSearchStatement(
      query(
        [
          { kind: 'term', field: 'content_type', value: 'image/png' },
          { kind: 'term', field: 'folder', value: 'inputs' },
        ],
        { page: 3, page_size: 10 },
      ),
    );
    const where = `d."team_id" = $1
      AND d."deleted_at" IS NULL
      AND (d."expires_at" IS NULL OR d."expires_at" > $2::timestamptz)
      AND d."content_type" = $3::text
      AND d."folder" = $4::text`;
    expect(text)
      .toBe(`SELECT c.total, p."file_id", p."object_key", p."filename", p."content_type", p."size", p."folder", p."created_at", p."expires_at", p."metadata"
FROM (
  SELECT count(*) AS total
    FROM "search"."file_documents" d
   WHERE ${where}
) c
LEFT JOIN LATERAL (
  SELECT d."file_id", d."object_key", d."filename", d."content_type", d."size", d."folder", d."created_at", d."expires_at", d."metadata"
    FROM "search"."file_documents" d
   WHERE ${where}
   ORDER BY d."created_at" DESC, d."file_id" DESC
   LIMIT $5 OFFSET $6
) p ON true
ORDER BY p."created_at" DESC, p."file_id" DESC`);
    expect(values).toEqual([TEAM, '2025-12-14T12:00:00.000Z', 'image/png', 'inputs', 10, 20]);
  });

  it('translates each clause kind into parameterized SQL', () => {
    const { text, values } = buildSearchStatement(
      query([
        { kind: 'term', field: 'size', value: 1024 },
        { kind: 'term', field: 'is_archived', value: false },
        { kind: 'term', field: 'cfg_scale', value: 7.5 },
        { kind: 'missing', field: 'project' },
        { kind: 'contains_all', field: 'tags', values: ['portrait', 'approved'] },
        {
          kind: 'range',
          field: 'created_at',
          bounds: { gte: '2025-12-01T00:00:00.000Z', lt: '2025-12-14T00:00:00.000Z' },
        },
        { kind: 'range', field: 'width', bounds: { gt: 100 } },
        { kind: 'match', field: 'filename', value: '50%_off' },
        { kind: 'metadata', contains: { reviewer: 'kim', n: 1 } },
      ]),
    );
    expect(filterSql(text)).toEqual([
      'd."size" = $3::bigint',
      'd."is_archived" = $4::boolean',
      'd."cfg_scale" = $5::double precision',
      'd."project" IS NULL',
      'd."tags" @> $6::text[]',
      'd."created_at" >= $7::timestamptz AND d."created_at" < $8::timestamptz',
      'd."width" > $9::bigint',
      'd."filename" ILIKE $10',
      'd."metadata" @> $11::jsonb',
    ]);
    expect(values.slice(2)).toEqual([
      1024,
      false,
      7.5,
      ['portrait', 'approved'],
      '2025-12-01T00:00:00.000Z',
      '2025-12-14T00:00:00.000Z',
      100,
      '%50\\%\\_off%',
      '{"reviewer":"kim","n":1}',
      20,
      0,
    ]);
  });

  it('never puts a value into the SQL text', () => {
    const evil = `x'; DROP TABLE search.file_documents; --`;
    const { text, values } = buildSearchStatement(
      query([
        { kind: 'term', field: 'folder', value: evil },
        { kind: 'match', field: 'prompt', value: evil },
        { kind: 'metadata', contains: { [evil]: evil } },
      ]),
    );
    expect(text).not.toContain('DROP');
    expect(values).toContain(evil);
  });

  it('ranges over custom metadata keys: numbers by jsonpath, dates through search.metadata_timestamptz', () => {
    const evil = `x'; DROP TABLE search.file_documents; --`;
    const { text, values } = buildSearchStatement(
      query([
        { kind: 'metadata_range', key: 'score', type: 'number', bounds: { gte: 5, lt: 7.5 } },
        { kind: 'metadata_range', key: evil, type: 'date', bounds: { gt: '2026-01-01T00:00:00.000Z' } },
      ]),
    );
    expect(filterSql(text)).toEqual([
      'jsonb_path_exists(d."metadata" -> $3::text, $4::jsonpath, $5::jsonb)',
      `EXISTS (SELECT 1 FROM jsonb_path_query(d."metadata" -> $6::text, 'lax $[*]') e(v) WHERE "search"."metadata_timestamptz"(e.v) > $7::timestamptz)`,
    ]);
    expect(values.slice(2, 7)).toEqual([
      'score',
      'lax $[*] ? (@.type() == "number" && @ >= $gte && @ < $lt)',
      '{"gte":5,"lt":7.5}',
      evil,
      '2026-01-01T00:00:00.000Z',
    ]);
    expect(text).not.toContain('DROP');
  });

  it('sorts ascending with the file id as tie-break, and puts unset values last', () => {
    const asc = buildSearchStatement(query([], { sort: { field: 'size', order: 'asc' } })).text;
    expect(asc).toContain('ORDER BY d."size" ASC, d."file_id" ASC\n');
    expect(asc).toMatch(/ORDER BY p."size" ASC, p."file_id" ASC$/);
    const nullable = buildSearchStatement(query([], { sort: { field: 'width', order: 'desc' } })).text;
    expect(nullable).toContain('ORDER BY d."width" DESC NULLS LAST, d."file_id" DESC\n');
    expect(nullable).toContain(
      'SELECT d."file_id", d."object_key", d."filename", d."content_type", d."size", d."folder", d."created_at", d."expires_at", d."metadata", d."width"\n',
    );
    const byId = buildSearchStatement(query([], { sort: { field: 'file_id', order: 'asc' } })).text;
    expect(byId).toMatch(/ORDER BY p."file_id" ASC$/);
  });

  it('pages by offset', () => {
    expect(buildSearchStatement(query([], { page: 5, page_size: 100 })).values.slice(-2)).toEqual([100, 400]);
  });
});

describe('containsPattern', () => {
  it('escapes LIKE wildcards and the escape character', () => {
    expect(containsPattern('a_b%c\\d')).toBe('%a\\_b\\%c\\\\d%');
  });
});

describe('write statements', () => {
  const document = {
    file_id: 'f1',
    team_id: TEAM,
    updated_at: '2025-12-14T10:00:00.000Z',
    tags: ['a'],
    metadata: { k: 'v' },
  } as unknown as FileDocument;

  it('upserts every catalog column, only over an older live version', () => {
    const { text, values } = buildUpsertStatement(document);
    expect(text).toMatch(
      /^INSERT INTO "search"."file_documents" AS d \("file_id", "object_key", "filename", "team_id", .*"classification_level", "metadata", "indexed_at"\)/,
    );
    expect(text).toContain('"tags" = EXCLUDED."tags"');
    expect(text).toContain(`WHERE d."deleted_at" IS NULL AND d."updated_at" < EXCLUDED."updated_at"`);
    expect(values).toHaveLength(43);
    expect(values[0]).toBe('f1');
    expect(values).toContainEqual(['a']);
    expect(values[42]).toBe('{"k":"v"}');
  });

  it('upserts a batch in one multi-row statement, keeping only the newest version of a file', () => {
    const older = { ...document, updated_at: '2025-12-14T09:00:00.000Z', tags: ['old'] } as FileDocument;
    const other = { ...document, file_id: 'f2' } as FileDocument;
    const { text, values } = buildUpsertManyStatement([older, other, document]);
    expect(text.match(/now\(\)\)/g)).toHaveLength(2);
    expect(values).toHaveLength(86);
    expect(values[0]).toBe('f1');
    expect(values).toContainEqual(['a']);
    expect(values).not.toContainEqual(['old']);
    expect(values[43]).toBe('f2');
    expect(text).toContain('RETURNING d."file_id"');
    expect(() => buildUpsertManyStatement([])).toThrow();
  });

  it('removes by erasing the content and keeping the first deletion time', () => {
    const { text, values } = buildRemoveStatement({
      file_id: 'f1',
      team_id: TEAM,
      deleted_at: '2025-12-14T11:00:00.000Z',
    });
    expect(text).toContain('"metadata" = NULL');
    expect(text).toContain('"prompt" = NULL');
    expect(text).not.toContain('"team_id" = NULL');
    expect(text).toContain('WHERE d."deleted_at" IS NULL\nRETURNING');
    expect(values).toEqual(['f1', TEAM, '2025-12-14T11:00:00.000Z']);
  });
});
