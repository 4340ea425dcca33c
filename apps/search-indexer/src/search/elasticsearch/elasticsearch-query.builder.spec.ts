import { FileDocument } from '@mp/contracts';
import { FIELD_CATALOG } from '../field-catalog';
import { INDEXED_FILE_FIELDS } from '../search-backend';
import { NOW, query, TEAM } from '../../../test/support/search-query.fixture';
import { parseSearchRequest } from '../search-request.parser';
import { indexMappings, MAX_RESULT_WINDOW } from './elasticsearch-mapping';
import {
  buildDistinctBody,
  buildRemoveOperations,
  buildSearchBody,
  buildUpsertOperations,
  clauseQuery,
  DATE_VALUES_SCRIPT,
  liveTeamFilter,
  NUMBER_VALUES_SCRIPT,
  TOMBSTONE_VERSION,
  wildcardContains,
} from './elasticsearch-query.builder';

const LIVE = [
  { term: { team_id: TEAM } },
  { bool: { must_not: [{ exists: { field: 'deleted_at' } }] } },
  {
    bool: {
      should: [
        { bool: { must_not: [{ exists: { field: 'expires_at' } }] } },
        { range: { expires_at: { gt: '2025-12-14T12:00:00.000Z' } } },
      ],
      minimum_should_match: 1,
    },
  },
];

describe('Elasticsearch query builder', () => {
  it('builds the seed query: team-scoped, live, unexpired, newest first with file id tie-break, counted exactly', () => {
    const parsed = parseSearchRequest(
      {
        team_id: TEAM,
        filters: { content_type: 'image/png', folder: 'inputs' },
        sort_by: 'created_at',
        sort_order: 'desc',
        page: 1,
        page_size: 10,
      },
      { now: NOW },
    );
    expect(buildSearchBody(parsed)).toEqual({
      query: { bool: { filter: [...LIVE, { term: { content_type: 'image/png' } }, { term: { folder: 'inputs' } }] } },
      sort: [{ created_at: { order: 'desc', missing: '_last' } }, { file_id: { order: 'desc' } }],
      from: 0,
      size: 10,
      track_total_hits: true,
      _source: [...INDEXED_FILE_FIELDS],
    });
  });

  it('expresses liveness as: not a tombstone, and no expiry or expiry after now', () => {
    expect(liveTeamFilter(TEAM, NOW)).toEqual(LIVE);
  });

  describe('each filter kind', () => {
    it('term on keyword, long, double, boolean and date fields', () => {
      expect(clauseQuery({ kind: 'term', field: 'project', value: 'avatar-gen' })).toEqual({
        term: { project: 'avatar-gen' },
      });
      expect(clauseQuery({ kind: 'term', field: 'seed', value: 12345 })).toEqual({ term: { seed: 12345 } });
      expect(clauseQuery({ kind: 'term', field: 'cfg_scale', value: 7.5 })).toEqual({ term: { cfg_scale: 7.5 } });
      expect(clauseQuery({ kind: 'term', field: 'legal_hold', value: false })).toEqual({ term: { legal_hold: false } });
      expect(clauseQuery({ kind: 'term', field: 'created_at', value: '2025-12-01T00:00:00.000Z' })).toEqual({
        term: { created_at: '2025-12-01T00:00:00.000Z' },
      });
    });

    it('missing (null filter) as must_not exists', () => {
      expect(clauseQuery({ kind: 'missing', field: 'project' })).toEqual({
        bool: { must_not: [{ exists: { field: 'project' } }] },
      });
    });

    it('arrays require every value', () => {
      expect(clauseQuery({ kind: 'contains_all', field: 'tags', values: ['portrait', 'approved'] })).toEqual({
        bool: { filter: [{ term: { tags: 'portrait' } }, { term: { tags: 'approved' } }] },
      });
      expect(clauseQuery({ kind: 'contains_all', field: 'labels', values: ['face'] })).toEqual({
        bool: { filter: [{ term: { labels: 'face' } }] },
      });
    });

    it('ranges keep every bound, on dates and numbers', () => {
      expect(
        clauseQuery({
          kind: 'range',
          field: 'created_at',
          bounds: { gte: '2025-12-01T00:00:00.000Z', lt: '2025-12-14T00:00:00.000Z' },
        }),
      ).toEqual({
        range: { created_at: { gte: '2025-12-01T00:00:00.000Z', lt: '2025-12-14T00:00:00.000Z' } },
      });
      expect(clauseQuery({ kind: 'range', field: 'width', bounds: { gt: 512, lte: 1024 } })).toEqual({
        range: { width: { gt: 512, lte: 1024 } },
      });
      expect(clauseQuery({ kind: 'range', field: 'duration', bounds: { gte: 3, lt: 3.5 } })).toEqual({
        range: { duration: { gte: 3, lt: 3.5 } },
      });
    });

    it('text match is a case-insensitive substring on the wildcard sub-field', () => {
      expect(clauseQuery({ kind: 'match', field: 'filename', value: 'Portrait_Final' })).toEqual({
        wildcard: { 'filename.contains': { value: '*Portrait_Final*', case_insensitive: true } },
      });
      expect(clauseQuery({ kind: 'match', field: 'prompt', value: 'headshot' })).toEqual({
        wildcard: { 'prompt.contains': { value: '*headshot*', case_insensitive: true } },
      });
    });

    it('custom metadata: scalars as terms on the flattened field, arrays need every element, objects by path', () => {
      expect(clauseQuery({ kind: 'metadata', contains: { reviewer: 'user@example.com' } })).toEqual({
        term: { 'metadata.reviewer': 'user@example.com' },
      });
      expect(clauseQuery({ kind: 'metadata', contains: { version: 2 } })).toEqual({
        term: { 'metadata.version': '2' },
      });
      expect(clauseQuery({ kind: 'metadata', contains: { approved: true } })).toEqual({
        term: { 'metadata.approved': 'true' },
      });
      expect(clauseQuery({ kind: 'metadata', contains: { tags: ['a', 'b'], scores: { quality: 9 } } })).toEqual({
        bool: {
          filter: [
            { term: { 'metadata.tags': 'a' } },
            { term: { 'metadata.tags': 'b' } },
            { term: { 'metadata.scores.quality': '9' } },
          ],
        },
      });
      expect(clauseQuery({ kind: 'metadata', contains: { gone: null } })).toEqual({
        bool: { must_not: [{ exists: { field: 'metadata.gone' } }] },
      });
      expect(clauseQuery({ kind: 'metadata', contains: { list: [] } })).toEqual({ exists: { field: 'metadata.list' } });
      expect(clauseQuery({ kind: 'metadata', contains: { obj: {} } })).toEqual({ exists: { field: 'metadata.obj' } });
    });

    it('turns every filter of a parsed request into one clause, after the liveness filter', () => {
      const parsed = parseSearchRequest(
        {
          team_id: TEAM,
          filters: {
            source_model: 'flux-schnell',
            created_at: { gte: '2025-12-01T00:00:00Z' },
            tags: ['approved'],
            'metadata.reviewer': 'kim',
            filename: 'photo',
          },
          sort_by: 'created_at',
          sort_order: 'desc',
          page: 1,
          page_size: 20,
        },
        { now: NOW },
      );
      const filter = (buildSearchBody(parsed).query?.bool?.filter ?? []) as unknown[];
      expect(filter.slice(LIVE.length)).toEqual([
        { term: { source_model: 'flux-schnell' } },
        { range: { created_at: { gte: '2025-12-01T00:00:00.000Z' } } },
        { bool: { filter: [{ term: { tags: 'approved' } }] } },
        { term: { 'metadata.reviewer': 'kim' } },
        { wildcard: { 'filename.contains': { value: '*photo*', case_insensitive: true } } },
      ]);
    });
  });

  it('filters custom metadata keys: equality and contains-all as terms, ranges over runtime fields read from _source', () => {
    const evil = `x"; emit(1); //`;
    const parsed = parseSearchRequest(
      {
        team_id: TEAM,
        filters: {
          reviewer: 'user@example.com',
          score: { gte: 5, lt: 7.5 },
          tags2: ['a', 'b'],
          'metadata.reviewed_at': { gt: '2026-01-02T12:04:05+09:00', lte: '2026-01-03' },
          [evil]: { gte: 1 },
        },
        sort_by: 'created_at',
        sort_order: 'desc',
        page: 1,
        page_size: 20,
      },
      { now: NOW },
    );
    const body = buildSearchBody(parsed);
    expect((body.query?.bool?.filter as unknown[]).slice(LIVE.length)).toEqual([
      { term: { 'metadata.reviewer': 'user@example.com' } },
      {
        bool: {
          filter: [{ exists: { field: 'metadata.score' } }, { range: { metadata_range_1: { gte: 5, lt: 7.5 } } }],
        },
      },
      { bool: { filter: [{ term: { 'metadata.tags2': 'a' } }, { term: { 'metadata.tags2': 'b' } }] } },
      {
        bool: {
          filter: [
            { exists: { field: 'metadata.reviewed_at' } },
            { range: { metadata_range_3: { gt: '2026-01-02T03:04:05.000Z', lte: '2026-01-03T00:00:00.000Z' } } },
          ],
        },
      },
      {
        bool: {
          filter: [{ exists: { field: `metadata.${evil}` } }, { range: { metadata_range_4: { gte: 1 } } }],
        },
      },
    ]);
    expect(body.runtime_mappings).toEqual({
      metadata_range_1: { type: 'double', script: { source: NUMBER_VALUES_SCRIPT, params: { key: 'score' } } },
      metadata_range_3: { type: 'date', script: { source: DATE_VALUES_SCRIPT, params: { key: 'reviewed_at' } } },
      metadata_range_4: { type: 'double', script: { source: NUMBER_VALUES_SCRIPT, params: { key: evil } } },
    });
    // The key travels as a script parameter, never inside the script.
    expect(NUMBER_VALUES_SCRIPT).toContain('m.get(params.key)');
    expect(DATE_VALUES_SCRIPT).toContain('m.get(params.key)');
    expect(buildSearchBody(query([{ kind: 'metadata', contains: { a: 1 } }]))).not.toHaveProperty('runtime_mappings');
  });

  it('escapes the wildcard syntax so user input is literal', () => {
    expect(wildcardContains('a*b?c\\d')).toBe('*a\\*b\\?c\\\\d*');
    expect(wildcardContains('50%_off')).toBe('*50%_off*');
  });

  it('sorts text fields by their raw keyword, any order, unset last, and pages by offset', () => {
    const body = buildSearchBody(query([], { sort: { field: 'filename', order: 'asc' }, page: 3, page_size: 25 }));
    expect(body.sort).toEqual([{ 'filename.raw': { order: 'asc', missing: '_last' } }, { file_id: { order: 'asc' } }]);
    expect([body.from, body.size]).toEqual([50, 25]);
    expect(buildSearchBody(query([], { sort: { field: 'width', order: 'desc' } })).sort).toEqual([
      { width: { order: 'desc', missing: '_last' } },
      { file_id: { order: 'desc' } },
    ]);
    expect(buildSearchBody(query([], { sort: { field: 'file_id', order: 'asc' } })).sort).toEqual([
      { file_id: { order: 'asc', missing: '_last' } },
    ]);
  });

  it('lists distinct values with a terms aggregation over the live team documents, ascending', () => {
    expect(buildDistinctBody({ team_id: TEAM, field: 'folder', now: NOW, limit: 1000 })).toEqual({
      size: 0,
      track_total_hits: false,
      query: { bool: { filter: LIVE } },
      aggs: { values: { terms: { field: 'folder', size: 1000, order: { _key: 'asc' } } } },
    });
    expect(buildDistinctBody({ team_id: TEAM, field: 'tags', now: NOW, limit: 5 }).aggs).toEqual({
      values: { terms: { field: 'tags', size: 5, order: { _key: 'asc' } } },
    });
    expect(() => buildDistinctBody({ team_id: TEAM, field: 'file_id', now: NOW, limit: 5 })).toThrow(
      'Not a distinct field',
    );
  });

  describe('writes', () => {
    const document = {
      file_id: 'f1',
      team_id: TEAM,
      updated_at: '2025-12-14T10:00:00.000Z',
      tags: ['a'],
      metadata: { k: 'v' },
    } as unknown as FileDocument;
    const at = new Date('2025-12-14T10:00:01.000Z');

    it('indexes each document at its updated_at as external version, so older versions lose', () => {
      expect(buildUpsertOperations('mp-files', [document], at)).toEqual([
        {
          index: {
            _index: 'mp-files',
            _id: 'f1',
            version: Date.parse('2025-12-14T10:00:00.000Z'),
            version_type: 'external',
          },
        },
        { ...document, indexed_at: '2025-12-14T10:00:01.000Z' },
      ]);
    });

    it('writes a content-free tombstone that no version can overwrite', () => {
      expect(
        buildRemoveOperations('mp-files', { file_id: 'f1', team_id: TEAM, deleted_at: '2025-12-14T11:00:00.000Z' }, at),
      ).toEqual([
        { index: { _index: 'mp-files', _id: 'f1', version: TOMBSTONE_VERSION, version_type: 'external' } },
        {
          file_id: 'f1',
          team_id: TEAM,
          deleted_at: '2025-12-14T11:00:00.000Z',
          indexed_at: '2025-12-14T10:00:01.000Z',
        },
      ]);
      expect(TOMBSTONE_VERSION).toBeGreaterThan(Date.parse('9999-12-31T23:59:59.999Z'));
    });
  });
});

describe('Elasticsearch mapping', () => {
  const mapping = indexMappings();
  const properties = mapping.properties ?? {};

  it('maps every catalog field explicitly with its type, and refuses unknown top-level fields', () => {
    expect(mapping.dynamic).toBe('strict');
    for (const field of FIELD_CATALOG) {
      const expected = field.type === 'text' ? 'text' : field.type;
      expect([field.name, (properties[field.name] as { type: string }).type]).toEqual([field.name, expected]);
    }
    expect(Object.keys(properties).sort()).toEqual(
      [...FIELD_CATALOG.map((f) => f.name), 'deleted_at', 'indexed_at', 'metadata'].sort(),
    );
  });

  it('gives text fields a raw keyword (sort) and a wildcard (substring) sub-field', () => {
    for (const name of ['filename', 'prompt', 'negative_prompt']) {
      expect(properties[name]).toMatchObject({
        type: 'text',
        fields: { raw: { type: 'keyword' }, contains: { type: 'wildcard' } },
      });
    }
  });

  it('indexes any custom metadata key as a flattened field', () => {
    expect(properties.metadata).toMatchObject({ type: 'flattened' });
  });

  it('allows the deepest page the backend serves', () => {
    expect(MAX_RESULT_WINDOW).toBeGreaterThanOrEqual(10_000);
  });
});
