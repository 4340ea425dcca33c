import { sqlMigration } from '@mp/platform';

/**
 * Seed 003 accounts: a password login for a user of a team (username unique platform-wide, since the
 * OAuth2 form carries no team), a superuser flag, deactivation; organisations of a team and their
 * members. Composite foreign keys keep a login, an organisation and its members inside one team.
 */
export class MediaAccounts1764500000000 extends sqlMigration({
  up: [
    `
      CREATE TABLE "billing"."user_logins" (
        "user_id" uuid PRIMARY KEY,
        "team_id" uuid NOT NULL,
        "username" text NOT NULL CHECK (length("username") BETWEEN 3 AND 320),
        "password_hash" text NOT NULL CHECK ("password_hash" LIKE 'scrypt$%'),
        "is_superuser" boolean NOT NULL DEFAULT false,
        "is_active" boolean NOT NULL DEFAULT true,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "updated_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "user_logins_user_fk" FOREIGN KEY ("team_id", "user_id") REFERENCES "billing"."users" ("team_id", "id")
      )`,
    `CREATE UNIQUE INDEX "user_logins_username_key" ON "billing"."user_logins" (lower("username"))`,
    `
      CREATE TABLE "billing"."organizations" (
        "id" uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        "team_id" uuid NOT NULL CONSTRAINT "organizations_team_fk" REFERENCES "billing"."teams" ("id"),
        "name" text NOT NULL CHECK (length("name") BETWEEN 1 AND 200),
        "created_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "organizations_team_id_id_key" UNIQUE ("team_id", "id")
      )`,
    `
      CREATE TABLE "billing"."organization_members" (
        "organization_id" uuid NOT NULL,
        "user_id" uuid NOT NULL,
        "team_id" uuid NOT NULL,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY ("organization_id", "user_id"),
        CONSTRAINT "organization_members_org_fk" FOREIGN KEY ("team_id", "organization_id") REFERENCES "billing"."organizations" ("team_id", "id") ON DELETE CASCADE,
        CONSTRAINT "organization_members_user_fk" FOREIGN KEY ("team_id", "user_id") REFERENCES "billing"."users" ("team_id", "id")
      )`,
    `CREATE INDEX "organization_members_user_idx" ON "billing"."organization_members" ("user_id", "created_at")`,
  ],
  down: [
    'DROP TABLE "billing"."organization_members"',
    'DROP TABLE "billing"."organizations"',
    'DROP TABLE "billing"."user_logins"',
  ],
}) {
  override name = 'MediaAccounts1764500000000';
}
