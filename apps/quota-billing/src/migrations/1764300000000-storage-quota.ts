import { sqlMigration } from '@mp/platform';

/**
 * Storage quota of the S3 proxy, per `kikaku_s3` key: the quota row holds committed and reserved
 * bytes (the CHECKs keep both non-negative), reservations are the bytes held by uploads still
 * streaming (they expire if the uploader disappears), objects are what each key has stored.
 */
export class StorageQuota1764300000000 extends sqlMigration({
  up: [
    `
      CREATE TABLE "billing"."storage_quotas" (
        "key_id" uuid PRIMARY KEY CONSTRAINT "storage_quotas_key_fk" REFERENCES "billing"."api_keys" ("id"),
        "team_id" uuid NOT NULL CONSTRAINT "storage_quotas_team_fk" REFERENCES "billing"."teams" ("id"),
        "limit_bytes" bigint CONSTRAINT "storage_quotas_limit_check" CHECK ("limit_bytes" >= 0),
        "used_bytes" bigint NOT NULL DEFAULT 0 CONSTRAINT "storage_quotas_used_check" CHECK ("used_bytes" >= 0),
        "reserved_bytes" bigint NOT NULL DEFAULT 0 CONSTRAINT "storage_quotas_reserved_check" CHECK ("reserved_bytes" >= 0),
        "file_count" bigint NOT NULL DEFAULT 0 CONSTRAINT "storage_quotas_file_count_check" CHECK ("file_count" >= 0),
        "updated_at" timestamptz NOT NULL DEFAULT now()
      )`,
    `CREATE INDEX "storage_quotas_team_idx" ON "billing"."storage_quotas" ("team_id")`,
    `
      CREATE TABLE "billing"."storage_reservations" (
        "id" uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        "key_id" uuid NOT NULL CONSTRAINT "storage_reservations_quota_fk" REFERENCES "billing"."storage_quotas" ("key_id"),
        "bytes" bigint NOT NULL CONSTRAINT "storage_reservations_bytes_check" CHECK ("bytes" >= 0),
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "expires_at" timestamptz NOT NULL
      )`,
    `CREATE INDEX "storage_reservations_key_expiry_idx" ON "billing"."storage_reservations" ("key_id", "expires_at")`,
    `
      CREATE TABLE "billing"."storage_objects" (
        "key_id" uuid NOT NULL CONSTRAINT "storage_objects_quota_fk" REFERENCES "billing"."storage_quotas" ("key_id"),
        "object_key" text NOT NULL,
        "size" bigint NOT NULL CONSTRAINT "storage_objects_size_check" CHECK ("size" >= 0),
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "updated_at" timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY ("key_id", "object_key")
      )`,
  ],
  down: [
    'DROP TABLE "billing"."storage_objects"',
    'DROP TABLE "billing"."storage_reservations"',
    'DROP TABLE "billing"."storage_quotas"',
  ],
}) {
  override name = 'StorageQuota1764300000000';
}
