import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Text match is always team-scoped, so its trigram indexes lead with `team_id` (btree_gin): one
 * GIN scan intersects the team and the trigrams, instead of the planner choosing between walking
 * the whole team or every team's trigram matches. Replaces the single-column trigram indexes.
 */
export class TeamTextIndexes1763856000003 implements MigrationInterface {
  name = 'TeamTextIndexes1763856000003';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('CREATE EXTENSION IF NOT EXISTS btree_gin');
    const trgm = await extensionSchema(queryRunner, 'pg_trgm');
    for (const column of ['filename', 'prompt']) {
      await queryRunner.query(`DROP INDEX IF EXISTS "search"."file_documents_${column}_trgm_idx"`);
      await queryRunner.query(
        `CREATE INDEX "file_documents_team_${column}_trgm_idx" ON "search"."file_documents" USING gin ("team_id", "${column}" "${trgm}".gin_trgm_ops) WHERE "deleted_at" IS NULL`,
      );
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const trgm = await extensionSchema(queryRunner, 'pg_trgm');
    for (const column of ['filename', 'prompt']) {
      await queryRunner.query(`DROP INDEX IF EXISTS "search"."file_documents_team_${column}_trgm_idx"`);
      await queryRunner.query(
        `CREATE INDEX "file_documents_${column}_trgm_idx" ON "search"."file_documents" USING gin ("${column}" "${trgm}".gin_trgm_ops) WHERE "deleted_at" IS NULL`,
      );
    }
  }
}

async function extensionSchema(queryRunner: QueryRunner, extension: string): Promise<string> {
  const [{ schema }] = await queryRunner.query(
    `SELECT n.nspname AS schema FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace WHERE e.extname = $1`,
    [extension],
  );
  return schema as string;
}
