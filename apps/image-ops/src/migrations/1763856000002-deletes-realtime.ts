import { MigrationInterface, QueryRunner } from 'typeorm';

/** Delete queue items carry their request; per-app settings (the realtime switch); lookups by public URL and for the re-drive sweep. */
export class DeletesRealtime1763856000002 implements MigrationInterface {
  name = 'DeletesRealtime1763856000002';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "imageops"."queue_items" ADD COLUMN "params" jsonb`);
    await q.query(
      `CREATE INDEX "queue_items_waiting_idx" ON "imageops"."queue_items" ("queued_at") WHERE "status" = 'W'`,
    );
    await q.query(`CREATE INDEX "files_public_idx" ON "imageops"."files" ("app_key", "path")`);
    await q.query(`CREATE TABLE "imageops"."app_settings" (
      "team_id" uuid NOT NULL,
      "app_key" text NOT NULL,
      "realtime_service" boolean NOT NULL DEFAULT true,
      "updated_at" timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY ("team_id", "app_key"))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "imageops"."app_settings"`);
    await q.query(`DROP INDEX "imageops"."files_public_idx"`);
    await q.query(`DROP INDEX "imageops"."queue_items_waiting_idx"`);
    await q.query(`ALTER TABLE "imageops"."queue_items" DROP COLUMN "params"`);
  }
}
