import { MigrationInterface, QueryRunner } from 'typeorm';

const ADDED = `SELECT "bucket_id", 1 AS "n", "bytes" FROM "added"`;
const REMOVED = `SELECT "bucket_id", -1 AS "n", -"bytes" AS "bytes" FROM "removed"`;
/** Per event: its transition tables and the signed row changes they hold. */
const TRIGGERS: Array<[string, string, string]> = [
  ['insert', 'NEW TABLE AS "added"', ADDED],
  ['delete', 'OLD TABLE AS "removed"', REMOVED],
  ['update', 'OLD TABLE AS "removed" NEW TABLE AS "added"', `${ADDED} UNION ALL ${REMOVED}`],
];

/**
 * Every bucket keeps the count and bytes of its object rows, maintained in the same transaction as
 * each change of them (statement triggers: every writer — uploads, deletes, the sweeper — is
 * covered). Reads subtract the few rows that are invisible already (past `X-Delete-At` or a lifecycle policy, not yet
 * swept), found through the two indexes below instead of scanning the container.
 */
export class BucketTotals1764900000005 implements MigrationInterface {
  name = 'BucketTotals1764900000005';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE "buckets"."buckets"
        ADD COLUMN "total_objects" bigint NOT NULL DEFAULT 0,
        ADD COLUMN "total_bytes" bigint NOT NULL DEFAULT 0`);
    // Statement-level, over the transition tables: one UPDATE per bucket a statement touched,
    // so a statement writing many rows of one bucket (a seed, the sweeper) does not rewrite its row per row.
    for (const [event, tables, rows] of TRIGGERS) {
      await queryRunner.query(`
        CREATE FUNCTION "buckets"."objects_totals_${event}"() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          UPDATE "buckets"."buckets" b SET "total_objects" = b."total_objects" + d."n", "total_bytes" = b."total_bytes" + d."bytes"
            FROM (SELECT "bucket_id", sum("n") AS "n", sum("bytes") AS "bytes" FROM (${rows}) r GROUP BY "bucket_id") d
           WHERE b."id" = d."bucket_id" AND (d."n" <> 0 OR d."bytes" <> 0);
          RETURN NULL;
        END $$`);
      await queryRunner.query(`
        CREATE TRIGGER "objects_totals_${event}" AFTER ${event.toUpperCase()} ON "buckets"."objects"
          REFERENCING ${tables} FOR EACH STATEMENT EXECUTE FUNCTION "buckets"."objects_totals_${event}"()`);
    }
    await queryRunner.query(`
      UPDATE "buckets"."buckets" b SET "total_objects" = s."n", "total_bytes" = s."bytes"
        FROM (SELECT "bucket_id", count(*) AS "n", sum("bytes") AS "bytes" FROM "buckets"."objects" GROUP BY "bucket_id") s
       WHERE s."bucket_id" = b."id"`);
    await queryRunner.query(
      `CREATE INDEX "objects_bucket_modified_idx" ON "buckets"."objects" ("bucket_id", "last_modified")`,
    );
    await queryRunner.query(
      `CREATE INDEX "objects_bucket_delete_at_idx" ON "buckets"."objects" ("bucket_id", "delete_at") WHERE "delete_at" IS NOT NULL`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "buckets"."objects_bucket_delete_at_idx"`);
    await queryRunner.query(`DROP INDEX "buckets"."objects_bucket_modified_idx"`);
    for (const [event] of TRIGGERS) {
      await queryRunner.query(`DROP TRIGGER "objects_totals_${event}" ON "buckets"."objects"`);
      await queryRunner.query(`DROP FUNCTION "buckets"."objects_totals_${event}"()`);
    }
    await queryRunner.query(`ALTER TABLE "buckets"."buckets" DROP COLUMN "total_objects", DROP COLUMN "total_bytes"`);
  }
}
