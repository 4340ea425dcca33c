import { DomainError } from '@mp/contracts';
import { normalizeIsoDate, parseSearchRequest, SearchRequest } from './search-request.parser';

const TEAM = '11111111-1111-4111-8111-111111111111';
const NOW = new Date('2025-12-14T12:00:00.000Z');

function request(overrides: Partial<SearchRequest> = {}): SearchRequest {
  return {
    team_id: TEAM,
    filters: {},
    sort_by: 'created_at',
    sort_order: 'desc',
    page: 1,
    page_size: 20,
    ...overrides,
  };
}

function parse(filters: Record<string, unknown>, overrides: Partial<SearchRequest> = {}) {
  return parseSearchRequest(request({ filters, ...overrides }), { now: NOW });
}

function failure(filters: Record<string, unknown>, overrides: Partial<SearchRequest> = {}): DomainError {
  try {
    parse(filters, overrides);
  } catch (err) {
    expect(err).toBeInstanceOf(DomainError);
    expect((err as DomainError).code).toBe('ValidationFailed');
    return err as DomainError;
  }
  throw new Error('expected ValidationFailed');
}

describe('parseSearchRequest', () => {
  it('turns the seed example into term clauses, scoped to the team, sorted by created_at desc', () => {
    expect(parse({ content_type: 'image/png', folder: 'inputs' })).toEqual({
      team_id: TEAM,
      filters: [
        { kind: 'term', field: 'content_type', value: 'image/png' },
        { kind: 'term', field: 'folder', value: 'inputs' },
      ],
      sort: { field: 'created_at', order: 'desc' },
      page: 1,
      page_size: 20,
      now: NOW,
    });
  });

  it('types each value by its field', () => {
    const { filters } = parse({
      project: 'avatar-gen',
      seed: 12345,
      cfg_scale: 7.5,
      legal_hold: false,
      environment: 2025,
      tags: 'approved',
      labels: ['a', 'b'],
      prompt: 'Headshot',
      source_model: null,
    });
    expect(filters).toEqual([
      { kind: 'term', field: 'project', value: 'avatar-gen' },
      { kind: 'term', field: 'seed', value: 12345 },
      { kind: 'term', field: 'cfg_scale', value: 7.5 },
      { kind: 'term', field: 'legal_hold', value: false },
      { kind: 'term', field: 'environment', value: '2025' },
      { kind: 'contains_all', field: 'tags', values: ['approved'] },
      { kind: 'contains_all', field: 'labels', values: ['a', 'b'] },
      { kind: 'match', field: 'prompt', value: 'Headshot' },
      { kind: 'missing', field: 'source_model' },
    ]);
  });

  it('accepts ranges on dates and numbers, normalizing dates to ISO UTC', () => {
    const { filters } = parse({
      created_at: { gte: '2025-12-01T00:00:00Z', lt: '2025-12-14' },
      updated_at: '2025-12-01T09:00:00+09:00',
      size: { gt: 0, lte: 1048576 },
      duration: { lt: 2.5 },
    });
    expect(filters).toEqual([
      {
        kind: 'range',
        field: 'created_at',
        bounds: { gte: '2025-12-01T00:00:00.000Z', lt: '2025-12-14T00:00:00.000Z' },
      },
      { kind: 'term', field: 'updated_at', value: '2025-12-01T00:00:00.000Z' },
      { kind: 'range', field: 'size', bounds: { gt: 0, lte: 1048576 } },
      { kind: 'range', field: 'duration', bounds: { lt: 2.5 } },
    ]);
  });

  it('filters custom metadata by "metadata.<key>" and by a "metadata" object', () => {
    const { filters } = parse({
      'metadata.reviewer': 'user@example.com',
      'metadata.version': '1.0',
      metadata: { scores: { a: 1 } },
    });
    expect(filters).toEqual([
      { kind: 'metadata', contains: { reviewer: 'user@example.com' } },
      { kind: 'metadata', contains: { version: '1.0' } },
      { kind: 'metadata', contains: { scores: { a: 1 } } },
    ]);
  });

  it('treats any other key as a custom metadata key, exactly like metadata.<key>; catalog fields win', () => {
    const { filters } = parse({
      reviewer: 'user@example.com',
      'metadata.reviewer': 'user@example.com',
      tags2: ['a', 'b'],
      project: 'avatar-gen',
      'metadata.project': 'avatar-gen',
      'metadata.metadata': 1,
      'metadata.a.b': true,
    });
    expect(filters).toEqual([
      { kind: 'metadata', contains: { reviewer: 'user@example.com' } },
      { kind: 'metadata', contains: { reviewer: 'user@example.com' } },
      { kind: 'metadata', contains: { tags2: ['a', 'b'] } },
      { kind: 'term', field: 'project', value: 'avatar-gen' },
      { kind: 'metadata', contains: { project: 'avatar-gen' } },
      { kind: 'metadata', contains: { metadata: 1 } },
      { kind: 'metadata', contains: { 'a.b': true } },
    ]);
  });

  it('turns range objects on custom keys into number or date ranges, dates normalized to ISO UTC', () => {
    const { filters } = parse({
      score: { gte: 5, lt: 7.5 },
      'metadata.reviewed_at': { gt: '2026-01-01', lte: '2026-01-02T12:04:05+09:00' },
      nested: { a: { gte: 1 } },
      empty: {},
    });
    expect(filters).toEqual([
      { kind: 'metadata_range', key: 'score', type: 'number', bounds: { gte: 5, lt: 7.5 } },
      {
        kind: 'metadata_range',
        key: 'reviewed_at',
        type: 'date',
        bounds: { gt: '2026-01-01T00:00:00.000Z', lte: '2026-01-02T03:04:05.000Z' },
      },
      { kind: 'metadata', contains: { nested: { a: { gte: 1 } } } },
      { kind: 'metadata', contains: { empty: {} } },
    ]);
  });

  it('refuses catalog fields that are not searchable, naming all of them', () => {
    const err = failure({ team_id: 'x', folder: 'inputs', upload_ip: '127.0.0.1', reviewer: 'kim' });
    expect(err.message).toBe('filters: "team_id", "upload_ip" are not searchable fields');
    expect(err.details).toMatchObject({ unknown_fields: ['team_id', 'upload_ip'] });
    expect(failure({ team_id: 'x' }).message).toBe('filters: "team_id" is not a searchable field');
  });

  it.each([
    [{ 'metadata.': 'x' }, 'filters.metadata.: custom metadata key must be 1 to 256 characters long'],
    [{ ['k'.repeat(257)]: 'x' }, 'custom metadata key must be 1 to 256 characters long'],
    [{ 'metadata.bad\u0000key': 'x' }, 'custom metadata key must not contain control characters'],
    [{ 'tab\tkey': 'x' }, 'custom metadata key must not contain control characters'],
    [{ 'c1\u0085key': 'x' }, 'custom metadata key must not contain control characters'],
    [{ 'lone\ud800': 'x' }, 'custom metadata key must not contain unpaired surrogates'],
    [{ 'lone\udc00': 'x' }, 'custom metadata key must not contain unpaired surrogates'],
    [{ metadata: { 'x\u0001': 1 } }, 'filters.metadata: custom metadata key "x\u0001" must not contain control'],
    [{ score: { gte: 1, from: 2 } }, 'filters.score: unknown range operator "from"; a range is an object of gte'],
    [{ score: { gte: 1, lt: '2026-01-01' } }, 'filters.score: range bounds must be all numbers or all ISO 8601 dates'],
    [{ score: { gte: 'yesterday' } }, 'filters.score: range bounds must be all numbers or all ISO 8601 dates'],
    [{ score: { gte: null } }, 'gte is not'],
    [{ at: { gte: '2026-01-01T10:00:00' } }, 'filters.at: range bounds must be all numbers or all ISO 8601 dates'],
  ])('rejects the custom metadata filter %j', (filters, message) => {
    expect(failure(filters).message).toContain(message);
  });

  it('accepts custom keys of 256 characters and paired surrogates', () => {
    const long = 'k'.repeat(256);
    expect(parse({ [long]: 1, 'emoji😀': 'x' }).filters).toEqual([
      { kind: 'metadata', contains: { [long]: 1 } },
      { kind: 'metadata', contains: { 'emoji😀': 'x' } },
    ]);
  });

  it.each([
    [{ size: '1024' }, 'filters.size: must be a number or a range of numbers'],
    [{ width: 10.5 }, 'filters.width: must be an integer'],
    [
      { size: { gte: 1, from: 2 } },
      'filters.size: unknown range operator "from"; a range is an object of gte, gt, lte, lt',
    ],
    [{ size: {} }, 'filters.size: a range is an object of gte, gt, lte, lt'],
    [
      { size: { gte: 'a', lt: 1.5 } },
      'filters.size: gte must be a number or a range of numbers, lt must be an integer',
    ],
    [{ created_at: { gte: 'yesterday' } }, 'filters.created_at: gte must be an ISO 8601 date'],
    [{ created_at: '2025-02-30' }, 'filters.created_at: must be an ISO 8601 date'],
    [{ created_at: '2025-12-01T10:00:00' }, 'filters.created_at: must be an ISO 8601 date'],
    [{ content_type: { gte: 'a' } }, 'filters.content_type: must be a string'],
    [{ folder: ['a', 'b'] }, 'filters.folder: must be a string'],
    [{ is_archived: 'true' }, 'filters.is_archived: must be true or false'],
    [{ tags: [] }, 'filters.tags: must be a string or a non-empty array of strings'],
    [{ tags: [{ a: 1 }] }, 'filters.tags: must be a string or a non-empty array of strings'],
    [{ filename: '  ' }, 'filters.filename: must be a non-empty string'],
    [{ folder: null }, 'filters.folder: must not be null'],
    [{ metadata: 'x' }, 'filters.metadata: must be an object'],
  ])('rejects %j', (filters, message) => {
    expect(failure(filters).message).toContain(message);
  });

  it('reports every problem at once', () => {
    const err = failure({ team_id: 1, size: 'big', tags: [], 'metadata.': 1 }, { sort_by: 'tags' });
    expect(err.details.issues).toEqual([
      expect.objectContaining({ field: 'filters' }),
      expect.objectContaining({ field: 'filters.size' }),
      expect.objectContaining({ field: 'filters.tags' }),
      expect.objectContaining({ field: 'filters.metadata.' }),
      expect.objectContaining({ field: 'sort_by', message: expect.stringContaining('"tags" is not sortable') }),
    ]);
  });

  it('accepts any sortable field as sort_by and rejects unknown ones', () => {
    expect(parse({}, { sort_by: 'size', sort_order: 'asc' }).sort).toEqual({ field: 'size', order: 'asc' });
    expect(failure({}, { sort_by: 'reviewer' }).message).toMatch(
      /^sort_by: unknown field "reviewer"; sortable fields: file_id, object_key, filename/,
    );
    expect(failure({}, { sort_by: 'prompt' }).message).toContain('sort_by: "prompt" is not sortable');
  });

  it('caps the number of conditions', () => {
    const filters = Object.fromEntries(Array.from({ length: 65 }, (_, i) => [`metadata.k${i}`, i]));
    expect(failure(filters).message).toBe('filters: at most 64 conditions are allowed');
  });
});

describe('normalizeIsoDate', () => {
  it.each([
    ['2025-12-01', '2025-12-01T00:00:00.000Z'],
    ['2024-02-29', '2024-02-29T00:00:00.000Z'],
    ['2025-12-01T10:00Z', '2025-12-01T10:00:00.000Z'],
    ['2025-12-01T10:00:00.123456Z', '2025-12-01T10:00:00.123Z'],
    ['2025-12-01T10:00:00-0130', '2025-12-01T11:30:00.000Z'],
  ])('%s → %s', (input, output) => expect(normalizeIsoDate(input)).toBe(output));

  it.each([
    '2025-02-29',
    '2025-13-01',
    '2025-12-01T24:00:00Z',
    '2025-12-01T10:00:00',
    '1733000000000',
    '12/01/2025',
    '',
  ])('rejects %j', (input) => expect(normalizeIsoDate(input)).toBeUndefined());
});
