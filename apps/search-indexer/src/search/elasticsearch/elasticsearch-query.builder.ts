import type { estypes } from '@elastic/elasticsearch';
import { FileDocument } from '@mp/contracts';
import { FieldDefinition, findField, IndexedField } from '../field-catalog';
import { DistinctQuery, FilterClause, INDEXED_FILE_FIELDS, SearchQuery } from '../search-backend';
import { CONTAINS_SUBFIELD, RAW_SUBFIELD } from './elasticsearch-mapping';

type Query = estypes.QueryDslQueryContainer;

/** Source fields a hit needs. */
export const HIT_SOURCE = INDEXED_FILE_FIELDS;

/**
 * External version of a tombstone: above any `updated_at` in milliseconds, so once a file is
 * deleted no document version can replace it, and a second deletion is a version conflict.
 */
export const TOMBSTONE_VERSION = Number.MAX_SAFE_INTEGER;

function fieldOf(name: IndexedField): FieldDefinition {
  const field = findField(name);
  if (!field) throw new Error(`Not a catalog field: ${name}`);
  return field;
}

/** `*value*` with the wildcard syntax's own characters taken literally. */
export function wildcardContains(value: string): string {
  return `*${value.replace(/[\\*?]/g, (c) => `\\${c}`)}*`;
}

/** Terms that a custom metadata object must contain: a term per scalar leaf, every array element required. */
function metadataQueries(contains: Record<string, unknown>, path = 'metadata'): Query[] {
  return Object.entries(contains).flatMap(([key, value]): Query[] => {
    const field = `${path}.${key}`;
    if (value === null) return [{ bool: { must_not: [{ exists: { field } }] } }];
    if (Array.isArray(value)) {
      if (value.length === 0) return [{ exists: { field } }];
      return value.flatMap((v) =>
        typeof v === 'object' && v !== null
          ? metadataQueries(v as Record<string, unknown>, field)
          : [{ term: { [field]: String(v) } }],
      );
    }
    if (typeof value === 'object') {
      const nested = metadataQueries(value as Record<string, unknown>, field);
      return nested.length ? nested : [{ exists: { field } }];
    }
    return [{ term: { [field]: String(value) } }];
  });
}

type MetadataRange = Extract<FilterClause, { kind: 'metadata_range' }>;

/**
 * Emits the numbers of one top-level custom metadata key (`params.key`), each element of an array.
 * Read from `_source`, not the flattened field: its doc values are keyword strings, which neither
 * order numerically nor tell the number 7 from the string "7".
 */
export const NUMBER_VALUES_SCRIPT = `def m = params._source.metadata;
if (m == null) return;
def v = m.get(params.key);
def values = v instanceof List ? v : [v];
for (def e : values) { if (e instanceof Number) emit(((Number) e).doubleValue()); }`;

/**
 * Emits the dates (epoch ms) of one top-level custom metadata key, parsed as the search API reads
 * dates: `YYYY-MM-DD` (midnight UTC) or a date-time with `Z` or an offset (`+09:00` or `+0900`).
 */
export const DATE_VALUES_SCRIPT = `def m = params._source.metadata;
if (m == null) return;
def v = m.get(params.key);
def values = v instanceof List ? v : [v];
for (def e : values) {
  if (!(e instanceof String)) continue;
  String s = e;
  try {
    if (s.length() == 10) { emit(LocalDate.parse(s).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli()); continue; }
    int n = s.length();
    if (n > 16 && s.indexOf('T') == 10) {
      String sign = s.substring(n - 5, n - 4);
      if ((sign == '+' || sign == '-') && s.substring(n - 3, n - 2) != ':') s = s.substring(0, n - 2) + ':' + s.substring(n - 2);
    }
    emit(OffsetDateTime.parse(s).toInstant().toEpochMilli());
  } catch (Exception ignored) {}
}`;

/** Name of the runtime field serving the metadata range at this position of the query's filters. */
export const metadataRangeField = (position: number) => `metadata_range_${position}`;

/** The runtime field a metadata range compares: the key's numbers or dates, from `_source`. */
export function metadataRuntimeField(clause: MetadataRange): estypes.MappingRuntimeField {
  return {
    type: clause.type === 'number' ? 'double' : 'date',
    script: {
      source: clause.type === 'number' ? NUMBER_VALUES_SCRIPT : DATE_VALUES_SCRIPT,
      params: { key: clause.key },
    },
  };
}

/**
 * A metadata range as query DSL over its runtime field: the (indexed) flattened key must exist,
 * so the script runs only on files that have the key.
 */
export function metadataRangeQuery(clause: MetadataRange, position: number): Query {
  return {
    bool: {
      filter: [
        { exists: { field: `metadata.${clause.key}` } },
        { range: { [metadataRangeField(position)]: { ...clause.bounds } } },
      ],
    },
  };
}

/** One validated filter clause as query DSL (filter context: no scoring); `position` names a metadata range's runtime field. */
export function clauseQuery(clause: FilterClause, position = 0): Query {
  if (clause.kind === 'metadata_range') return metadataRangeQuery(clause, position);
  if (clause.kind === 'metadata') {
    const queries = metadataQueries(clause.contains);
    return queries.length === 1 ? queries[0] : { bool: { filter: queries } };
  }
  const field = fieldOf(clause.field);
  switch (clause.kind) {
    case 'term':
      return { term: { [field.type === 'text' ? `${field.name}.${RAW_SUBFIELD}` : field.name]: clause.value } };
    case 'missing':
      return { bool: { must_not: [{ exists: { field: field.name } }] } };
    case 'contains_all':
      return { bool: { filter: clause.values.map((value) => ({ term: { [field.name]: value } })) } };
    case 'range':
      return { range: { [field.name]: { ...clause.bounds } } };
    case 'match':
      return {
        wildcard: {
          [`${field.name}.${CONTAINS_SUBFIELD}`]: { value: wildcardContains(clause.value), case_insensitive: true },
        },
      };
  }
}

/** The team's live documents: not a tombstone, not expired at `now`. */
export function liveTeamFilter(team_id: string, now: Date): Query[] {
  return [
    { term: { team_id } },
    { bool: { must_not: [{ exists: { field: 'deleted_at' } }] } },
    {
      bool: {
        should: [
          { bool: { must_not: [{ exists: { field: 'expires_at' } }] } },
          { range: { expires_at: { gt: now.toISOString() } } },
        ],
        minimum_should_match: 1,
      },
    },
  ];
}

/** Sort key then file id in the same direction; unset values last, as in Postgres. */
function sortOf(query: SearchQuery): estypes.SortCombinations[] {
  const field = fieldOf(query.sort.field);
  const key = field.type === 'text' ? `${field.name}.${RAW_SUBFIELD}` : field.name;
  const order = query.sort.order;
  const primary: estypes.SortCombinations = { [key]: { order, missing: '_last' } };
  return field.name === 'file_id' ? [primary] : [primary, { file_id: { order } }];
}

export function buildSearchBody(query: SearchQuery): estypes.SearchRequest {
  const runtime: Record<string, estypes.MappingRuntimeField> = {};
  query.filters.forEach((clause, position) => {
    if (clause.kind === 'metadata_range') runtime[metadataRangeField(position)] = metadataRuntimeField(clause);
  });
  return {
    ...(Object.keys(runtime).length ? { runtime_mappings: runtime } : {}),
    query: {
      bool: {
        filter: [
          ...liveTeamFilter(query.team_id, query.now),
          ...query.filters.map((clause, position) => clauseQuery(clause, position)),
        ],
      },
    },
    sort: sortOf(query),
    from: (query.page - 1) * query.page_size,
    size: query.page_size,
    track_total_hits: true,
    _source: [...HIT_SOURCE],
  };
}

export const DISTINCT_AGG = 'values';

export function buildDistinctBody(query: DistinctQuery): estypes.SearchRequest {
  const field = fieldOf(query.field);
  if (!field.distinct) throw new Error(`Not a distinct field: ${query.field}`);
  return {
    size: 0,
    track_total_hits: false,
    query: { bool: { filter: liveTeamFilter(query.team_id, query.now) } },
    aggs: { [DISTINCT_AGG]: { terms: { field: field.name, size: query.limit, order: { _key: 'asc' } } } },
  };
}

/** Bulk lines writing each document at its `updated_at` (external version): older or deleted never win. */
export function buildUpsertOperations(index: string, documents: readonly FileDocument[], indexedAt: Date): unknown[] {
  return documents.flatMap((document) => [
    {
      index: {
        _index: index,
        _id: document.file_id,
        version: Date.parse(document.updated_at),
        version_type: 'external',
      },
    },
    { ...document, indexed_at: indexedAt.toISOString() },
  ]);
}

/** Bulk lines of a tombstone: content erased, written at TOMBSTONE_VERSION. */
export function buildRemoveOperations(
  index: string,
  options: { file_id: string; team_id: string; deleted_at: string },
  indexedAt: Date,
): unknown[] {
  return [
    { index: { _index: index, _id: options.file_id, version: TOMBSTONE_VERSION, version_type: 'external' } },
    {
      file_id: options.file_id,
      team_id: options.team_id,
      deleted_at: options.deleted_at,
      indexed_at: indexedAt.toISOString(),
    },
  ];
}
