import { DomainError, metadataKeyProblem, RpcParsedRequest } from '@mp/contracts';
import { FieldDefinition, findField, findSearchableField, SORTABLE_FIELDS } from './field-catalog';
import { FilterClause, RANGE_OPERATORS, RangeOperator, SearchQuery } from './search-backend';

export type SearchRequest = RpcParsedRequest<'search.files.query'>;

/** Prefix of a filter on one key of the client's custom metadata: `{ "metadata.reviewer": "kim" }`. */
export const METADATA_PREFIX = 'metadata.';
export const MAX_FILTERS = 64;

interface Issue {
  field: string;
  message: string;
}

/** A catalog field clients cannot filter by (`team_id`, `upload_ip`). */
const NOT_SEARCHABLE = Symbol('not searchable');

/**
 * Validates a search request against the field catalog and turns it into backend-neutral clauses.
 * Every problem is reported at once, as ValidationFailed naming the fields.
 *
 * Filter keys: a catalog field (a known field always wins), `metadata` (an object the custom
 * metadata must contain), `metadata.<key>`, or any other key, which is a custom metadata key
 * exactly like `metadata.<key>`. Catalog fields that are not searchable are refused.
 */
export function parseSearchRequest(request: SearchRequest, options: { now: Date }): SearchQuery {
  const issues: Issue[] = [];
  const unsearchable: string[] = [];
  const filters: FilterClause[] = [];
  const entries = Object.entries(request.filters);
  if (entries.length > MAX_FILTERS)
    issues.push({ field: 'filters', message: `at most ${MAX_FILTERS} conditions are allowed` });

  for (const [key, raw] of entries) {
    const clause = parseFilter(key, raw);
    if (clause === NOT_SEARCHABLE) unsearchable.push(key);
    else if (typeof clause === 'string') issues.push({ field: `filters.${key}`, message: clause });
    else filters.push(clause);
  }
  if (unsearchable.length) {
    issues.unshift({
      field: 'filters',
      message: `${unsearchable.map((k) => `"${k}"`).join(', ')} ${unsearchable.length > 1 ? 'are not searchable fields' : 'is not a searchable field'}`,
    });
  }

  const sortField = findSearchableField(request.sort_by);
  if (!sortField?.sortable) {
    const why = sortField ? `"${request.sort_by}" is not sortable` : `unknown field "${request.sort_by}"`;
    issues.push({ field: 'sort_by', message: `${why}; sortable fields: ${SORTABLE_FIELDS.join(', ')}` });
  }

  if (issues.length || !sortField) {
    throw new DomainError('ValidationFailed', issues.map((i) => `${i.field}: ${i.message}`).join('; '), {
      issues,
      // named `unknown_fields` as before custom keys were accepted: these are the only fields still refused
      ...(unsearchable.length ? { unknown_fields: unsearchable } : {}),
    });
  }
  return {
    team_id: request.team_id,
    filters,
    sort: { field: sortField.name, order: request.sort_order },
    page: request.page,
    page_size: request.page_size,
    now: options.now,
  };
}

/** One filter entry's condition, or the reason it is unusable. */
function parseFilter(key: string, raw: unknown): FilterClause | string | typeof NOT_SEARCHABLE {
  const def = findField(key);
  if (def) return def.searchable ? parseFieldFilter(def, raw) : NOT_SEARCHABLE;
  if (key === 'metadata') {
    if (!isPlainObject(raw)) return 'must be an object the custom metadata must contain';
    const bad = Object.keys(raw).flatMap((k) => {
      const problem = metadataKeyProblem(k);
      return problem ? [`custom metadata key "${k}" ${problem}`] : [];
    });
    return bad.length ? bad.join(', ') : { kind: 'metadata', contains: raw };
  }
  return parseMetadataFilter(key.startsWith(METADATA_PREFIX) ? key.slice(METADATA_PREFIX.length) : key, raw);
}

/**
 * A condition on one custom metadata key: an object with range operators is a range over numbers
 * or dates; anything else must be contained (scalars equal, arrays hold every element).
 */
function parseMetadataFilter(key: string, raw: unknown): FilterClause | string {
  const problem = metadataKeyProblem(key);
  if (problem) return `custom metadata key ${problem}`;
  if (isPlainObject(raw) && Object.keys(raw).some((op) => isRangeOperator(op))) return parseMetadataRange(key, raw);
  return { kind: 'metadata', contains: { [key]: raw } };
}

function parseMetadataRange(key: string, raw: Record<string, unknown>): FilterClause | string {
  const bad = Object.keys(raw).filter((op) => !isRangeOperator(op));
  if (bad.length)
    return `unknown range operator${bad.length > 1 ? 's' : ''} ${bad.map((k) => `"${k}"`).join(', ')}; a range is an object of gte, gt, lte, lt`;
  const bounds = raw as Partial<Record<RangeOperator, unknown>>;
  const values = Object.values(bounds);
  if (values.every((v) => typeof v === 'number' && Number.isFinite(v)))
    return { kind: 'metadata_range', key, type: 'number', bounds: bounds as Partial<Record<RangeOperator, number>> };
  const dates: Partial<Record<RangeOperator, string>> = {};
  const problems: string[] = [];
  for (const [op, value] of Object.entries(bounds) as [RangeOperator, unknown][]) {
    const iso = typeof value === 'string' ? normalizeIsoDate(value) : undefined;
    if (iso) dates[op] = iso;
    else problems.push(op);
  }
  if (!problems.length) return { kind: 'metadata_range', key, type: 'date', bounds: dates };
  return `range bounds must be all numbers or all ISO 8601 dates ("2025-12-01" or "2025-12-01T00:00:00Z"); ${problems.join(', ')} ${problems.length > 1 ? 'are' : 'is'} not`;
}

function isRangeOperator(key: string): key is RangeOperator {
  return (RANGE_OPERATORS as readonly string[]).includes(key);
}

/** One catalog field's condition, or the reason its value is unusable. */
function parseFieldFilter(def: FieldDefinition, raw: unknown): FilterClause | string {
  if (raw === null) {
    return def.nullable ? { kind: 'missing', field: def.name } : 'must not be null (the field is always set)';
  }
  if (def.array) {
    const values = Array.isArray(raw) ? raw : [raw];
    if (values.length === 0 || !values.every(isKeywordScalar))
      return 'must be a string or a non-empty array of strings (files having all of them match)';
    return { kind: 'contains_all', field: def.name, values: values.map(String) };
  }
  switch (def.type) {
    case 'text':
      return typeof raw === 'string' && raw.trim() !== ''
        ? { kind: 'match', field: def.name, value: raw }
        : 'must be a non-empty string';
    case 'keyword':
      return isKeywordScalar(raw) ? { kind: 'term', field: def.name, value: String(raw) } : 'must be a string';
    case 'boolean':
      return typeof raw === 'boolean' ? { kind: 'term', field: def.name, value: raw } : 'must be true or false';
    case 'long':
    case 'double':
    case 'date': {
      if (isPlainObject(raw)) return parseRange(def, raw);
      const value = parseScalar(def, raw);
      return typeof value === 'object' ? value.error : { kind: 'term', field: def.name, value };
    }
  }
}

function parseRange(def: FieldDefinition, raw: Record<string, unknown>): FilterClause | string {
  const keys = Object.keys(raw);
  const bad = keys.filter((k) => !isRangeOperator(k));
  if (keys.length === 0 || bad.length) {
    const got = bad.length
      ? `unknown range operator${bad.length > 1 ? 's' : ''} ${bad.map((k) => `"${k}"`).join(', ')}; `
      : '';
    return `${got}a range is an object of gte, gt, lte, lt`;
  }
  const bounds: Partial<Record<RangeOperator, string | number>> = {};
  const problems: string[] = [];
  for (const op of keys as RangeOperator[]) {
    const value = parseScalar(def, raw[op]);
    if (typeof value === 'object') problems.push(`${op} ${value.error}`);
    else bounds[op] = value;
  }
  return problems.length ? problems.join(', ') : { kind: 'range', field: def.name, bounds };
}

/** A date or number as the backend compares it: dates normalized to ISO 8601 UTC. */
function parseScalar(def: FieldDefinition, raw: unknown): string | number | { error: string } {
  if (def.type === 'date') {
    const iso = typeof raw === 'string' ? normalizeIsoDate(raw) : undefined;
    return (
      iso ?? {
        error:
          'must be an ISO 8601 date ("2025-12-01") or date-time with zone ("2025-12-01T00:00:00Z") or a range of them',
      }
    );
  }
  if (typeof raw !== 'number' || !Number.isFinite(raw)) return { error: 'must be a number or a range of numbers' };
  if (def.type === 'long' && !Number.isSafeInteger(raw)) return { error: 'must be an integer' };
  return raw;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(Z|[+-](\d{2}):?(\d{2})))?$/;

/** `YYYY-MM-DD` (midnight UTC) or a date-time with `Z` or an offset; rejects impossible dates. */
export function normalizeIsoDate(value: string): string | undefined {
  const m = ISO_DATE.exec(value);
  if (!m) return undefined;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const calendar = new Date(Date.UTC(year, month - 1, day));
  if (calendar.getUTCFullYear() !== year || calendar.getUTCMonth() !== month - 1 || calendar.getUTCDate() !== day)
    return undefined;
  if (m[4] !== undefined) {
    const [hour, minute, second, offH, offM] = [m[4], m[5], m[6] ?? '0', m[8] ?? '0', m[9] ?? '0'].map(Number);
    if (hour > 23 || minute > 59 || second > 59 || offH > 23 || offM > 59) return undefined;
  }
  const parsed = new Date(m[4] === undefined ? `${m[1]}-${m[2]}-${m[3]}T00:00:00Z` : value);
  return Number.isNaN(parsed.getTime()) ? undefined : parsed.toISOString();
}

function isKeywordScalar(value: unknown): value is string | number | boolean {
  return (
    typeof value === 'string' || typeof value === 'boolean' || (typeof value === 'number' && Number.isFinite(value))
  );
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
