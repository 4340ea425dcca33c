import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Every bucket keeps the count and bytes of its object rows, maintained in the same transaction as
 * each row change (a trigger, so every writer — uploads, deletes, the sweeper — is covered). Reads
 * subtract the few rows that are invisible already (past `X-Delete-At` or a lifecycle policy, not yet
 * swept), found through the two indexes below instead of scanning the container.
 */
export class BucketTotals1764900000005 implements MigrationInterface {
  name = 'BucketTotals1764900000005';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE "buckets"."buckets"
        ADD COLUMN "total_objects" bigint NOT NULL DEFAULT 0,
        ADD COLUMN "total_bytes" bigint NOT NULL DEFAULT 0`);
    await queryRunner.query(`
      CREATE FUNCTION "buckets"."objects_keep_totals"() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'UPDATE' AND OLD."bucket_id" = NEW."bucket_id" THEN
          UPDATE "buckets"."buckets" SET "total_bytes" = "total_bytes" - OLD."bytes" + NEW."bytes"
           WHERE "id" = NEW."bucket_id";
          RETURN NULL;
        END IF;
        IF TG_OP IN ('UPDATE', 'DELETE') THEN
          UPDATE "buckets"."buckets" SET "total_objects" = "total_objects" - 1, "total_bytes" = "total_bytes" - OLD."bytes"
           WHERE "id" = OLD."bucket_id";
        END IF;
        IF TG_OP IN ('UPDATE', 'INSERT') THEN
          UPDATE "buckets"."buckets" SET "total_objects" = "total_objects" + 1, "total_bytes" = "total_bytes" + NEW."bytes"
           WHERE "id" = NEW."bucket_id";
        END IF;
        RETURN NULL;
      END $$`);
    await queryRunner.query(`
      CREATE TRIGGER "objects_keep_totals" AFTER INSERT OR DELETE OR UPDATE OF "bytes", "bucket_id"
        ON "buckets"."objects" FOR EACH ROW EXECUTE FUNCTION "buckets"."objects_keep_totals"()`);
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
    await queryRunner.query(`DROP TRIGGER "objects_keep_totals" ON "buckets"."objects"`);
    await queryRunner.query(`DROP FUNCTION "buckets"."objects_keep_totals"()`);
    await queryRunner.query(`ALTER TABLE "buckets"."buckets" DROP COLUMN "total_objects", DROP COLUMN "total_bytes"`);
  }
}
