import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Btree indexes led by (team_id, field) for the seed's distinct-value fields that had none, so
 * `GET /distinct/{field}` is a skip scan (see postgres-distinct.builder.ts). Partial on live rows.
 */
export class DistinctIndexes1763856000002 implements MigrationInterface {
  name = 'DistinctIndexes1763856000002';

  private readonly fields = ['content_type', 'extension', 'category', 'status'];

  async up(queryRunner: QueryRunner): Promise<void> {
    for (const field of this.fields) {
      await queryRunner.query(
        `CREATE INDEX "file_documents_team_${field}_idx" ON "search"."file_documents" ("team_id", "${field}") WHERE "deleted_at" IS NULL`,
      );
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const field of this.fields) await queryRunner.query(`DROP INDEX "search"."file_documents_team_${field}_idx"`);
  }
}
