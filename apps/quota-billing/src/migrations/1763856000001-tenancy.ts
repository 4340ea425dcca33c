import { sqlMigration } from '@mp/platform';

/**
 * Teams, their users and their API keys. Keys are stored as the SHA-256 of the secret only;
 * the composite foreign key makes "the key's user belongs to the key's team" a database fact.
 */
export class Tenancy1763856000001 extends sqlMigration({
  up: [
    `
      CREATE TABLE "billing"."teams" (
        "id" uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        "name" text NOT NULL CHECK (length("name") BETWEEN 1 AND 200),
        "created_at" timestamptz NOT NULL DEFAULT now()
      )`,
    `CREATE INDEX "teams_created_idx" ON "billing"."teams" ("created_at", "id")`,
    `
      CREATE TABLE "billing"."users" (
        "id" uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        "team_id" uuid NOT NULL CONSTRAINT "users_team_fk" REFERENCES "billing"."teams" ("id"),
        "email" text NOT NULL,
        "name" text,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "users_team_id_id_key" UNIQUE ("team_id", "id")
      )`,
    `CREATE UNIQUE INDEX "users_team_email_key" ON "billing"."users" ("team_id", lower("email"))`,
    `
      CREATE TABLE "billing"."api_keys" (
        "id" uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        "team_id" uuid NOT NULL CONSTRAINT "api_keys_team_fk" REFERENCES "billing"."teams" ("id"),
        "user_id" uuid,
        "kind" text NOT NULL CONSTRAINT "api_keys_kind_check" CHECK ("kind" IN ('cdt', 'kikaku', 'kikaku_s3', 'image', 'bucket')),
        "name" text,
        "key_hash" text NOT NULL CONSTRAINT "api_keys_key_hash_check" CHECK ("key_hash" ~ '^[0-9a-f]{64}$'),
        "hint" text NOT NULL,
        "app_key" text,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "last_used_at" timestamptz,
        "revoked_at" timestamptz,
        CONSTRAINT "api_keys_user_fk" FOREIGN KEY ("team_id", "user_id") REFERENCES "billing"."users" ("team_id", "id"),
        CONSTRAINT "api_keys_app_key_check" CHECK (("kind" = 'image') = ("app_key" IS NOT NULL))
      )`,
    `CREATE UNIQUE INDEX "api_keys_key_hash_key" ON "billing"."api_keys" ("key_hash")`,
    `CREATE UNIQUE INDEX "api_keys_app_key_key" ON "billing"."api_keys" ("app_key") WHERE "app_key" IS NOT NULL`,
    `CREATE INDEX "api_keys_team_created_idx" ON "billing"."api_keys" ("team_id", "created_at")`,
  ],
  down: ['DROP TABLE "billing"."api_keys"', 'DROP TABLE "billing"."users"', 'DROP TABLE "billing"."teams"'],
}) {
  override name = 'Tenancy1763856000001';
}
