import { sqlMigration } from '@mp/platform';

const FIELDS = ['content_type', 'extension', 'category', 'status'];

/**
 * Btree indexes led by (team_id, field) for the seed's distinct-value fields that had none, so
 * `GET /distinct/{field}` is a skip scan (see postgres-distinct.builder.ts). Partial on live rows.
 */
export class DistinctIndexes1763856000002 extends sqlMigration({
  up: FIELDS.map(
    (field) =>
      `CREATE INDEX "file_documents_team_${field}_idx" ON "search"."file_documents" ("team_id", "${field}") WHERE "deleted_at" IS NULL`,
  ),
  down: FIELDS.map((field) => `DROP INDEX "search"."file_documents_team_${field}_idx"`),
}) {
  override name = 'DistinctIndexes1763856000002';
}
