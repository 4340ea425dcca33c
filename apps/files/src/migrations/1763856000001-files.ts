import { sqlMigration } from '@mp/platform';

export class Files1763856000001 extends sqlMigration({
  up: [
    `
      CREATE TABLE "files"."files" (
        "id" uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        "team_id" uuid NOT NULL,
        "user_id" uuid,
        "object_key" text NOT NULL UNIQUE,
        "filename" text NOT NULL,
        "folder" text NOT NULL,
        "extension" text,
        "declared_content_type" text NOT NULL,
        "content_type" text,
        "size" bigint,
        "checksum_md5" text,
        "checksum_sha256" text,
        "etag" text,
        "width" integer,
        "height" integer,
        "status" text NOT NULL CHECK ("status" IN ('pending', 'active', 'rejected')),
        "rejection_reason" text,
        "source" text NOT NULL DEFAULT 'upload',
        "upload_ip" text,
        "metadata" jsonb NOT NULL DEFAULT '{}'::jsonb,
        "max_bytes" bigint NOT NULL,
        "upload_expires_at" timestamptz NOT NULL,
        "last_checked_at" timestamptz,
        "activated_at" timestamptz,
        "expires_at" timestamptz,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "updated_at" timestamptz NOT NULL DEFAULT now()
      )`,
    `CREATE INDEX "files_pending_idx" ON "files"."files" ("last_checked_at" NULLS FIRST, "created_at") WHERE "status" = 'pending'`,
    `CREATE INDEX "files_team_created_idx" ON "files"."files" ("team_id", "created_at" DESC)`,
  ],
  down: ['DROP TABLE "files"."files"'],
}) {
  override name = 'Files1763856000001';
}
