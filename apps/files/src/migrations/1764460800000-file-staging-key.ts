import { MigrationInterface, QueryRunner } from 'typeorm';

/** Presigned POST forms write to a per-session staging key; rows without one (older sessions) verify in place. */
export class FileStagingKey1764460800000 implements MigrationInterface {
  name = 'FileStagingKey1764460800000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "files"."files" ADD COLUMN "staging_key" text`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "files_staging_key_idx" ON "files"."files" ("staging_key") WHERE "staging_key" IS NOT NULL`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX "files"."files_staging_key_idx"');
    await queryRunner.query('ALTER TABLE "files"."files" DROP COLUMN "staging_key"');
  }
}
