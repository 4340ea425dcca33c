import { sqlMigration } from '@mp/platform';

export class Callbacks1763856000001 extends sqlMigration({
  up: [
    `
      CREATE TABLE "notifier"."deliveries" (
        "id" uuid PRIMARY KEY,
        "team_id" uuid NOT NULL,
        "event_type" text NOT NULL,
        "url" text NOT NULL,
        "payload" text NOT NULL,
        "source" text,
        "status" text NOT NULL CHECK ("status" IN ('pending', 'retrying', 'delivered', 'failed')),
        "round" integer NOT NULL DEFAULT 1,
        "round_attempts" integer NOT NULL DEFAULT 0,
        "attempt_count" integer NOT NULL DEFAULT 0,
        "max_attempts" integer NOT NULL,
        "next_attempt_at" timestamptz,
        "last_status_code" integer,
        "last_error" text,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "updated_at" timestamptz NOT NULL DEFAULT now(),
        "completed_at" timestamptz
      )`,
    `CREATE INDEX "deliveries_team_created_idx" ON "notifier"."deliveries" ("team_id", "created_at" DESC, "id")`,
    `CREATE INDEX "deliveries_team_status_idx" ON "notifier"."deliveries" ("team_id", "status", "created_at" DESC)`,
    `CREATE INDEX "deliveries_due_idx" ON "notifier"."deliveries" ("next_attempt_at") WHERE "status" IN ('pending', 'retrying')`,
    `
      CREATE TABLE "notifier"."delivery_attempts" (
        "id" bigserial PRIMARY KEY,
        "delivery_id" uuid NOT NULL REFERENCES "notifier"."deliveries" ("id") ON DELETE CASCADE,
        "team_id" uuid NOT NULL,
        "round" integer NOT NULL,
        "attempt" integer NOT NULL,
        "started_at" timestamptz NOT NULL,
        "duration_ms" integer NOT NULL,
        "outcome" text NOT NULL CHECK ("outcome" IN ('delivered', 'retry', 'failed', 'refused')),
        "status_code" integer,
        "remote_address" text,
        "error" text,
        "response_excerpt" text,
        "next_retry_at" timestamptz,
        UNIQUE ("delivery_id", "round", "attempt")
      )`,
    `
      CREATE TABLE "notifier"."team_secrets" (
        "team_id" uuid PRIMARY KEY,
        "sealed_secret" text NOT NULL,
        "hint" text NOT NULL,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "revealed_at" timestamptz
      )`,
  ],
  down: [
    'DROP TABLE "notifier"."team_secrets"',
    'DROP TABLE "notifier"."delivery_attempts"',
    'DROP TABLE "notifier"."deliveries"',
  ],
}) {
  override name = 'Callbacks1763856000001';
}
