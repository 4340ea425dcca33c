import { sqlMigration } from '@mp/platform';

/** Seed 000 predictions: one row per job, the job id being the BullMQ job id too. */
export class Predictions1764600000000 extends sqlMigration({
  up: [
    `CREATE TABLE "generation"."predictions" (
      "id" uuid PRIMARY KEY,
      "team_id" uuid NOT NULL,
      "key_id" uuid NOT NULL,
      "model" text NOT NULL,
      "input" jsonb NOT NULL,
      "references" jsonb NOT NULL DEFAULT '[]',
      "status" text NOT NULL DEFAULT 'queued'
        CHECK ("status" IN ('queued', 'processing', 'completed', 'failed', 'canceled')),
      "result" jsonb,
      "error" text,
      "webhook" text,
      "webhook_events_filter" text[] NOT NULL DEFAULT '{start,completed}',
      "start_delivery_id" uuid NOT NULL DEFAULT gen_random_uuid(),
      "completed_delivery_id" uuid NOT NULL DEFAULT gen_random_uuid(),
      "created_at" timestamptz NOT NULL DEFAULT clock_timestamp(),
      "started_at" timestamptz,
      "completed_at" timestamptz,
      "updated_at" timestamptz NOT NULL DEFAULT clock_timestamp())`,
    `CREATE INDEX "predictions_queued_idx" ON "generation"."predictions" ("created_at") WHERE "status" = 'queued'`,
    `CREATE INDEX "predictions_team_idx" ON "generation"."predictions" ("team_id", "created_at")`,
  ],
  down: [`DROP TABLE "generation"."predictions"`],
}) {
  override name = 'Predictions1764600000000';
}
