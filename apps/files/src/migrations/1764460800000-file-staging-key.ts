import { sqlMigration } from '@mp/platform';

/** Presigned POST forms write to a per-session staging key; rows without one (older sessions) verify in place. */
export class FileStagingKey1764460800000 extends sqlMigration({
  up: [
    `ALTER TABLE "files"."files" ADD COLUMN "staging_key" text`,
    `CREATE UNIQUE INDEX "files_staging_key_idx" ON "files"."files" ("staging_key") WHERE "staging_key" IS NOT NULL`,
  ],
  down: ['DROP INDEX "files"."files_staging_key_idx"', 'ALTER TABLE "files"."files" DROP COLUMN "staging_key"'],
}) {
  override name = 'FileStagingKey1764460800000';
}
