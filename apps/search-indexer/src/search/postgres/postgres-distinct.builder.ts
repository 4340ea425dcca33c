import { findField, IndexedField } from '../field-catalog';
import { DistinctQuery } from '../search-backend';
import { DOCUMENTS_TABLE, ident, Params, SqlStatement, whereSql } from './postgres-query.builder';

/**
 * Fields with a live btree index led by (team_id, field): their distinct values are found by a
 * skip scan (one index descent per value) instead of reading every row of the team. Keep in step
 * with the migrations.
 */
export const SKIP_SCAN_FIELDS: ReadonlySet<IndexedField> = new Set<IndexedField>([
  'folder',
  'project',
  'source_model',
  'content_type',
  'extension',
  'category',
  'status',
]);

/**
 * Distinct values of one field over the team's live, unexpired files, ascending, `value` column.
 * - indexed keyword fields: a recursive skip scan over the (team_id, field) index;
 * - booleans: an existence probe per value, which stops at the first matching row;
 * - arrays: the elements of every matching row;
 * - other keywords: DISTINCT over the team's rows.
 */
export function buildDistinctStatement(query: DistinctQuery, table: string = DOCUMENTS_TABLE): SqlStatement {
  const field = findField(query.field);
  if (!field?.distinct) throw new Error(`Not a distinct field: ${query.field}`);
  const params = new Params();
  const where = whereSql({ team_id: query.team_id, now: query.now, filters: [] }, params);
  const column = `d.${ident(field.name)}`;
  const limit = params.add(query.limit);
  if (field.type === 'boolean') {
    return {
      text: `SELECT v.value FROM unnest(ARRAY[false, true]) AS v(value)
 WHERE EXISTS (SELECT 1 FROM ${table} d WHERE ${where} AND ${column} = v.value)
 ORDER BY v.value
 LIMIT ${limit}`,
      values: params.values,
    };
  }
  if (field.array) {
    return {
      text: `SELECT DISTINCT v.value FROM ${table} d CROSS JOIN LATERAL unnest(${column}) AS v(value)
 WHERE ${where}
 ORDER BY v.value
 LIMIT ${limit}`,
      values: params.values,
    };
  }
  if (SKIP_SCAN_FIELDS.has(field.name)) {
    const next = (after: string) =>
      `SELECT ${column} FROM ${table} d WHERE ${where} AND ${column} ${after} ORDER BY ${column} LIMIT 1`;
    return {
      text: `WITH RECURSIVE v(value) AS (
  (${next('IS NOT NULL')})
  UNION ALL
  SELECT (${next('> v.value')}) FROM v WHERE v.value IS NOT NULL
)
SELECT v.value FROM v WHERE v.value IS NOT NULL LIMIT ${limit}`,
      values: params.values,
    };
  }
  return {
    text: `SELECT DISTINCT ${column} AS value FROM ${table} d
 WHERE ${where} AND ${column} IS NOT NULL
 ORDER BY value
 LIMIT ${limit}`,
    values: params.values,
  };
}
