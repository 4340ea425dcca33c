import { sqlMigration } from '@mp/platform';

/** The expiry sweep finds active files past `expires_at` without scanning the table. */
export class FileExpiryIndex1763856000002 extends sqlMigration({
  up: [
    `CREATE INDEX "files_active_expiry_idx" ON "files"."files" ("expires_at") WHERE "status" = 'active' AND "expires_at" IS NOT NULL`,
  ],
  down: ['DROP INDEX "files"."files_active_expiry_idx"'],
}) {
  override name = 'FileExpiryIndex1763856000002';
}
