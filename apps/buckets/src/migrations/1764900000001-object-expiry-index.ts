import { MigrationInterface, QueryRunner } from 'typeorm';

/** The lifecycle sweeper finds objects past `X-Delete-At` without scanning every object. */
export class ObjectExpiryIndex1764900000001 implements MigrationInterface {
  name = 'ObjectExpiryIndex1764900000001';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE INDEX "objects_delete_at_idx" ON "buckets"."objects" ("delete_at") WHERE "delete_at" IS NOT NULL`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "buckets"."objects_delete_at_idx"`);
  }
}
