import { sqlMigration } from '@mp/platform';

/** Delete queue items carry their request; per-app settings (the realtime switch); lookups by public URL and for the re-drive sweep. */
export class DeletesRealtime1763856000002 extends sqlMigration({
  up: [
    `ALTER TABLE "imageops"."queue_items" ADD COLUMN "params" jsonb`,
    `CREATE INDEX "queue_items_waiting_idx" ON "imageops"."queue_items" ("queued_at") WHERE "status" = 'W'`,
    `CREATE INDEX "files_public_idx" ON "imageops"."files" ("app_key", "path")`,
    `CREATE TABLE "imageops"."app_settings" (
      "team_id" uuid NOT NULL,
      "app_key" text NOT NULL,
      "realtime_service" boolean NOT NULL DEFAULT true,
      "updated_at" timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY ("team_id", "app_key"))`,
  ],
  down: [
    `DROP TABLE "imageops"."app_settings"`,
    `DROP INDEX "imageops"."files_public_idx"`,
    `DROP INDEX "imageops"."queue_items_waiting_idx"`,
    `ALTER TABLE "imageops"."queue_items" DROP COLUMN "params"`,
  ],
}) {
  override name = 'DeletesRealtime1763856000002';
}
