import { MigrationInterface, QueryRunner } from 'typeorm';

/** The expiry sweep finds active files past `expires_at` without scanning the table. */
export class FileExpiryIndex1763856000002 implements MigrationInterface {
  name = 'FileExpiryIndex1763856000002';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE INDEX "files_active_expiry_idx" ON "files"."files" ("expires_at") WHERE "status" = 'active' AND "expires_at" IS NOT NULL`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX "files"."files_active_expiry_idx"');
  }
}
