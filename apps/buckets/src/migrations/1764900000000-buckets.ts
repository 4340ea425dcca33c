import { sqlMigration } from '@mp/platform';

/**
 * Buckets (Swift containers) of a team, their objects and lifecycle policies. Names compare
 * byte-wise (`COLLATE "C"`), as Swift orders listings; the objects' primary key is the index
 * every listing walks, so a container of any size lists a page in one index range scan.
 */
export class Buckets1764900000000 extends sqlMigration({
  up: [
    `
      CREATE TABLE "buckets"."buckets" (
        "id" uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        "team_id" uuid NOT NULL,
        "name" text COLLATE "C" NOT NULL CHECK (octet_length("name") BETWEEN 1 AND 256),
        "type" text NOT NULL DEFAULT 'hot' CHECK ("type" IN ('hot', 'cold')),
        "use_encryption" boolean NOT NULL DEFAULT false,
        "owner_id" uuid,
        "acl" jsonb,
        "cors" jsonb NOT NULL DEFAULT '[]',
        "metadata" jsonb NOT NULL DEFAULT '{}',
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "updated_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "buckets_team_name_key" UNIQUE ("team_id", "name")
      )`,
    `
      CREATE TABLE "buckets"."objects" (
        "bucket_id" uuid NOT NULL CONSTRAINT "objects_bucket_fk" REFERENCES "buckets"."buckets" ("id") ON DELETE CASCADE,
        "name" text COLLATE "C" NOT NULL CHECK (octet_length("name") BETWEEN 1 AND 1024),
        "storage_key" text NOT NULL,
        "bytes" bigint NOT NULL CHECK ("bytes" >= 0),
        "hash" text NOT NULL,
        "content_type" text NOT NULL,
        "metadata" jsonb NOT NULL DEFAULT '{}',
        "last_modified" timestamptz NOT NULL DEFAULT now(),
        "delete_at" timestamptz,
        PRIMARY KEY ("bucket_id", "name")
      )`,
    `
      CREATE TABLE "buckets"."lifecycle_policies" (
        "id" serial PRIMARY KEY,
        "bucket_id" uuid NOT NULL CONSTRAINT "policies_bucket_fk" REFERENCES "buckets"."buckets" ("id") ON DELETE CASCADE,
        "target" text COLLATE "C" NOT NULL,
        "duration_days" integer NOT NULL CHECK ("duration_days" >= 1),
        "created_at" timestamptz NOT NULL DEFAULT now()
      )`,
    `CREATE INDEX "policies_bucket_idx" ON "buckets"."lifecycle_policies" ("bucket_id")`,
  ],
  down: [
    `DROP TABLE "buckets"."lifecycle_policies"`,
    `DROP TABLE "buckets"."objects"`,
    `DROP TABLE "buckets"."buckets"`,
  ],
}) {
  override name = 'Buckets1764900000000';
}
