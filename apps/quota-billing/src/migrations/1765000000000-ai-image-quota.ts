import { sqlMigration } from '@mp/platform';

/**
 * Seed 002's AI Image keys: a profile per `kikaku` key (owner, image quota with used and reserved
 * counters kept non-negative by CHECKs, status, expiry, rate limit), the reservations of running
 * generations (one per request id), the request log behind `/v1/logs` and `stats`, and the gallery.
 * A key without a profile row behaves as one with every default; the row appears on first use.
 * `quota_limit` and `rate_limit_per_minute` null: the deployment's defaults (AI_IMAGE_DEFAULT_QUOTA,
 * the gateway's GENERATION_RATE_LIMIT).
 */
export class AiImageQuota1765000000000 extends sqlMigration({
  up: [
    `
      CREATE TABLE "billing"."ai_image_profiles" (
        "key_id" uuid PRIMARY KEY CONSTRAINT "ai_image_profiles_key_fk" REFERENCES "billing"."api_keys" ("id"),
        "team_id" uuid NOT NULL CONSTRAINT "ai_image_profiles_team_fk" REFERENCES "billing"."teams" ("id"),
        "owner_name" text,
        "email" text,
        "quota_limit" bigint CONSTRAINT "ai_image_profiles_quota_check" CHECK ("quota_limit" >= 0),
        "used_count" bigint NOT NULL DEFAULT 0 CONSTRAINT "ai_image_profiles_used_check" CHECK ("used_count" >= 0),
        "reserved_count" bigint NOT NULL DEFAULT 0 CONSTRAINT "ai_image_profiles_reserved_check" CHECK ("reserved_count" >= 0),
        "status" text NOT NULL DEFAULT 'active' CONSTRAINT "ai_image_profiles_status_check" CHECK ("status" IN ('active', 'suspended')),
        "expires_at" timestamptz,
        "rate_limit_per_minute" integer CONSTRAINT "ai_image_profiles_rate_check" CHECK ("rate_limit_per_minute" > 0),
        "updated_at" timestamptz NOT NULL DEFAULT now()
      )`,
    `CREATE INDEX "ai_image_profiles_team_idx" ON "billing"."ai_image_profiles" ("team_id")`,
    `
      CREATE TABLE "billing"."ai_image_reservations" (
        "key_id" uuid NOT NULL CONSTRAINT "ai_image_reservations_profile_fk" REFERENCES "billing"."ai_image_profiles" ("key_id"),
        "request_id" text NOT NULL,
        "images" integer NOT NULL CONSTRAINT "ai_image_reservations_images_check" CHECK ("images" > 0),
        "state" text NOT NULL DEFAULT 'held' CONSTRAINT "ai_image_reservations_state_check" CHECK ("state" IN ('held', 'lapsed', 'settled')),
        "delivered" integer,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "expires_at" timestamptz NOT NULL,
        "settled_at" timestamptz,
        PRIMARY KEY ("key_id", "request_id")
      )`,
    `CREATE INDEX "ai_image_reservations_held_idx" ON "billing"."ai_image_reservations" ("expires_at") WHERE "state" = 'held'`,
    `
      CREATE TABLE "billing"."ai_image_request_logs" (
        "id" bigserial PRIMARY KEY,
        "request_id" text NOT NULL CONSTRAINT "ai_image_request_logs_request_unique" UNIQUE,
        "team_id" uuid NOT NULL,
        "key_id" uuid NOT NULL,
        "model" text,
        "status" text NOT NULL CONSTRAINT "ai_image_request_logs_status_check" CHECK ("status" IN ('success', 'failed')),
        "response_time_ms" integer NOT NULL,
        "error_message" text,
        "images_generated" integer NOT NULL DEFAULT 0,
        "occurred_at" timestamptz NOT NULL
      )`,
    `CREATE INDEX "ai_image_request_logs_key_time_idx" ON "billing"."ai_image_request_logs" ("key_id", "occurred_at" DESC, "id" DESC)`,
    `
      CREATE TABLE "billing"."ai_image_gallery" (
        "id" bigserial PRIMARY KEY,
        "object_key" text NOT NULL CONSTRAINT "ai_image_gallery_object_unique" UNIQUE,
        "team_id" uuid NOT NULL,
        "key_id" uuid NOT NULL,
        "source_job_id" text NOT NULL,
        "image_index" integer NOT NULL,
        "model" text NOT NULL,
        "prompt" text NOT NULL,
        "size_label" text NOT NULL,
        "width" integer NOT NULL,
        "height" integer NOT NULL,
        "bytes" bigint NOT NULL,
        "created_at" timestamptz NOT NULL
      )`,
    `CREATE INDEX "ai_image_gallery_key_time_idx" ON "billing"."ai_image_gallery" ("key_id", "created_at" DESC, "id" DESC)`,
  ],
  down: [
    'DROP TABLE "billing"."ai_image_gallery"',
    'DROP TABLE "billing"."ai_image_request_logs"',
    'DROP TABLE "billing"."ai_image_reservations"',
    'DROP TABLE "billing"."ai_image_profiles"',
  ],
}) {
  override name = 'AiImageQuota1765000000000';
}
