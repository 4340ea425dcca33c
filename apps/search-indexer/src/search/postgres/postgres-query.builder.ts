import { FileDocument } from '@mp/contracts';
import { FIELD_CATALOG, FieldDefinition, findField, IndexedField } from '../field-catalog';
import { FilterClause, INDEXED_FILE_FIELDS, RangeOperator, SearchQuery } from '../search-backend';

/** A parameterized statement: values only ever travel as `$n` parameters. */
export interface SqlStatement {
  text: string;
  values: unknown[];
}

export const DOCUMENTS_TABLE = '"search"."file_documents"';

/** Columns of a hit, in the order the search statement selects them. */
export const HIT_COLUMNS = INDEXED_FILE_FIELDS;

const SQL_TYPE: Record<FieldDefinition['type'], string> = {
  keyword: 'text',
  text: 'text',
  date: 'timestamptz',
  long: 'bigint',
  double: 'double precision',
  boolean: 'boolean',
};
const RANGE_SQL: Record<RangeOperator, string> = { gte: '>=', gt: '>', lte: '<=', lt: '<' };

export class Params {
  readonly values: unknown[] = [];
  add(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }
}

/** Quotes an identifier that comes from the field catalog (never from a request). */
export function ident(name: string): string {
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`Not a catalog column: ${name}`);
  return `"${name}"`;
}

const col = (name: string) => `d.${ident(name)}`;

function sqlType(field: FieldDefinition): string {
  return field.array ? `${SQL_TYPE[field.type]}[]` : SQL_TYPE[field.type];
}

function fieldOf(name: IndexedField): FieldDefinition {
  const field = findField(name);
  if (!field) throw new Error(`Not a catalog field: ${name}`);
  return field;
}

/** `%value%` for ILIKE, with LIKE's own wildcards in the value taken literally. */
export function containsPattern(value: string): string {
  return `%${value.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** Reads a custom metadata value as a date: an ISO 8601 string with a zone, or a date (migration 1763856000004). */
export const METADATA_TIMESTAMPTZ = '"search"."metadata_timestamptz"';

/**
 * A range over one custom metadata key. Each element of an array value (or the value itself) is
 * tried: numbers by a jsonpath filter, dates through METADATA_TIMESTAMPTZ (jsonpath `.datetime()`
 * refuses a trailing `Z`). The key and bounds are parameters; the operators come from RANGE_SQL.
 */
function metadataRangeSql(clause: Extract<FilterClause, { kind: 'metadata_range' }>, params: Params): string {
  const value = `d."metadata" -> ${params.add(clause.key)}::text`;
  const bounds = Object.entries(clause.bounds) as [RangeOperator, string | number][];
  if (clause.type === 'number') {
    const tests = bounds.map(([op]) => ` && @ ${RANGE_SQL[op]} $${op}`).join('');
    const path = `lax $[*] ? (@.type() == "number"${tests})`;
    return `jsonb_path_exists(${value}, ${params.add(path)}::jsonpath, ${params.add(JSON.stringify(clause.bounds))}::jsonb)`;
  }
  const tests = bounds.map(
    ([op, bound]) => `${METADATA_TIMESTAMPTZ}(e.v) ${RANGE_SQL[op]} ${params.add(bound)}::timestamptz`,
  );
  return `EXISTS (SELECT 1 FROM jsonb_path_query(${value}, 'lax $[*]') e(v) WHERE ${tests.join(' AND ')})`;
}

function clauseSql(clause: FilterClause, params: Params): string {
  if (clause.kind === 'metadata') return `d."metadata" @> ${params.add(JSON.stringify(clause.contains))}::jsonb`;
  if (clause.kind === 'metadata_range') return metadataRangeSql(clause, params);
  const field = fieldOf(clause.field);
  const column = col(field.name);
  const cast = `::${SQL_TYPE[field.type]}`;
  switch (clause.kind) {
    case 'term':
      return `${column} = ${params.add(clause.value)}${cast}`;
    case 'missing':
      return `${column} IS NULL`;
    case 'contains_all':
      return `${column} @> ${params.add(clause.values)}::text[]`;
    case 'match':
      return `${column} ILIKE ${params.add(containsPattern(clause.value))}`;
    case 'range':
      return (Object.entries(clause.bounds) as [RangeOperator, string | number][])
        .map(([op, value]) => `${column} ${RANGE_SQL[op]} ${params.add(value)}${cast}`)
        .join(' AND ');
  }
}

/**
 * The team's live documents matching every clause: tombstones and expired files never match.
 * `deleted_at IS NULL` is spelled exactly as the partial indexes' predicate so they apply.
 */
export function whereSql(query: Pick<SearchQuery, 'team_id' | 'now' | 'filters'>, params: Params): string {
  const conditions = [
    `d."team_id" = ${params.add(query.team_id)}`,
    `d."deleted_at" IS NULL`,
    `(d."expires_at" IS NULL OR d."expires_at" > ${params.add(query.now.toISOString())}::timestamptz)`,
    ...query.filters.map((c) => clauseSql(c, params)),
  ];
  return conditions.join('\n      AND ');
}

/** Sort key then file_id in the same direction, so pages are stable; unset values sort last. */
function orderSql(query: SearchQuery, alias: string): string {
  const field = fieldOf(query.sort.field);
  const dir = query.sort.order === 'asc' ? 'ASC' : 'DESC';
  const nulls = field.nullable && dir === 'DESC' ? ' NULLS LAST' : '';
  const key = `${alias}.${ident(field.name)} ${dir}${nulls}`;
  return field.name === 'file_id' ? key : `${key}, ${alias}."file_id" ${dir}`;
}

/**
 * Count and page in one round trip: the count scans the matching index entries, the page is an
 * ordered LIMIT/OFFSET over the same conditions. A page past the end still yields one row, with
 * the total and a null `file_id`. With a text match no index gives the order and the trigram
 * index scan is the costly part, so the matches are collected once and counted and paged from
 * there instead of scanning twice.
 */
export function buildSearchStatement(query: SearchQuery, table: string = DOCUMENTS_TABLE): SqlStatement {
  const params = new Params();
  const where = whereSql(query, params);
  const limit = params.add(query.page_size);
  const offset = params.add((query.page - 1) * query.page_size);
  const pageColumns = [...new Set<string>([...HIT_COLUMNS, query.sort.field])];
  const select = `SELECT c.total, ${HIT_COLUMNS.map((n) => `p.${ident(n)}`).join(', ')}`;
  const page = (source: string, filter: string) => `LEFT JOIN LATERAL (
  SELECT ${pageColumns.map(col).join(', ')}
    FROM ${source} d${filter}
   ORDER BY ${orderSql(query, 'd')}
   LIMIT ${limit} OFFSET ${offset}
) p ON true
ORDER BY ${orderSql(query, 'p')}`;
  if (query.filters.some((clause) => clause.kind === 'match')) {
    const text = `WITH matches AS MATERIALIZED (
  SELECT ${pageColumns.map(col).join(', ')}
    FROM ${table} d
   WHERE ${where}
)
${select}
FROM (SELECT count(*) AS total FROM matches) c
${page('matches', '')}`;
    return { text, values: params.values };
  }
  const text = `${select}
FROM (
  SELECT count(*) AS total
    FROM ${table} d
   WHERE ${where}
) c
${page(table, `\n   WHERE ${where}`)}`;
  return { text, values: params.values };
}

/** Catalog columns plus custom metadata, the columns an upsert writes. */
export const DOCUMENT_COLUMNS: readonly string[] = [...FIELD_CATALOG.map((f) => f.name), 'metadata'];

/**
 * Inserts or replaces a document unless the stored one is as new or newer, or the file is
 * deleted (tombstones are final). Returns a row only when the write was applied.
 */
export function buildUpsertStatement(document: FileDocument, table: string = DOCUMENTS_TABLE): SqlStatement {
  return buildUpsertManyStatement([document], table);
}

/**
 * `buildUpsertStatement` for many documents in one multi-row INSERT. A row may be affected once per
 * statement, so only the newest version of each file in the batch is kept (the others would lose anyway).
 * Returns the `file_id` of each applied write.
 */
export function buildUpsertManyStatement(
  documents: readonly FileDocument[],
  table: string = DOCUMENTS_TABLE,
): SqlStatement {
  if (documents.length === 0) throw new Error('buildUpsertManyStatement needs at least one document');
  const params = new Params();
  const rows = newestPerFile(documents).map((document) => {
    const placeholders = FIELD_CATALOG.map((f) => `${params.add(document[f.name])}::${sqlType(f)}`);
    placeholders.push(`${params.add(JSON.stringify(document.metadata))}::jsonb`);
    return `(${placeholders.join(', ')}, now())`;
  });
  const columns = DOCUMENT_COLUMNS.map(ident);
  const updates = DOCUMENT_COLUMNS.filter((c) => c !== 'file_id').map((c) => `${ident(c)} = EXCLUDED.${ident(c)}`);
  const text = `INSERT INTO ${table} AS d (${columns.join(', ')}, "indexed_at")
VALUES ${rows.join(',\n       ')}
ON CONFLICT ("file_id") DO UPDATE SET ${updates.join(', ')}, "indexed_at" = now()
 WHERE d."deleted_at" IS NULL AND d."updated_at" < EXCLUDED."updated_at"
RETURNING d."file_id"`;
  return { text, values: params.values };
}

function newestPerFile(documents: readonly FileDocument[]): FileDocument[] {
  const newest = new Map<string, FileDocument>();
  for (const document of documents) {
    const seen = newest.get(document.file_id);
    if (!seen || Date.parse(seen.updated_at) < Date.parse(document.updated_at)) newest.set(document.file_id, document);
  }
  return [...newest.values()];
}

/**
 * Turns the document into a tombstone (or records one for a file never indexed): content is
 * erased, `deleted_at` kept at its first value. Returns a row only when the file was live or unknown.
 */
export function buildRemoveStatement(
  options: { file_id: string; team_id: string; deleted_at: string },
  table: string = DOCUMENTS_TABLE,
): SqlStatement {
  const params = new Params();
  const erased = DOCUMENT_COLUMNS.filter((c) => c !== 'file_id' && c !== 'team_id').map((c) => `${ident(c)} = NULL`);
  const text = `INSERT INTO ${table} AS d ("file_id", "team_id", "deleted_at", "indexed_at")
VALUES (${params.add(options.file_id)}, ${params.add(options.team_id)}, ${params.add(options.deleted_at)}::timestamptz, now())
ON CONFLICT ("file_id") DO UPDATE SET ${erased.join(', ')}, "deleted_at" = EXCLUDED."deleted_at", "indexed_at" = now()
 WHERE d."deleted_at" IS NULL
RETURNING d."file_id"`;
  return { text, values: params.values };
}
