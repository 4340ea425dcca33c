import { sqlMigration } from '@mp/platform';

/**
 * Content-addressed media (one resource per team and sha256), its links to entities, the record of
 * which temp object became which resource (so a retried ingest finds its resource after the temp
 * object is gone), products, and bulk-upload tasks.
 */
export class MediaResources1763942400100 extends sqlMigration({
  up: [
    `
      CREATE TABLE "files"."media_resources" (
        "id" uuid PRIMARY KEY,
        "team_id" uuid NOT NULL,
        "sha256" text NOT NULL,
        "size" bigint NOT NULL,
        "content_type" text,
        "ext" text NOT NULL,
        "object_key" text NOT NULL,
        "relocated" boolean NOT NULL DEFAULT false,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "last_used_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "media_resources_team_sha256_key" UNIQUE ("team_id", "sha256")
      )`,
    `
      CREATE TABLE "files"."media_resource_attachments" (
        "id" uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        "team_id" uuid NOT NULL,
        "resource_id" uuid NOT NULL REFERENCES "files"."media_resources" ("id"),
        "entity_type" text NOT NULL,
        "entity_id" text NOT NULL,
        "position" integer NOT NULL,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "media_attachments_unique" UNIQUE ("team_id", "entity_type", "entity_id", "resource_id")
      )`,
    `CREATE INDEX "media_attachments_resource_idx" ON "files"."media_resource_attachments" ("resource_id")`,
    `
      CREATE TABLE "files"."media_ingestions" (
        "team_id" uuid NOT NULL,
        "temp_key" text NOT NULL,
        "resource_id" uuid NOT NULL REFERENCES "files"."media_resources" ("id") ON DELETE CASCADE,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY ("team_id", "temp_key")
      )`,
    `
      CREATE TABLE "files"."products" (
        "id" uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        "team_id" uuid NOT NULL,
        "owner_id" uuid,
        "sku" text NOT NULL,
        "name" text NOT NULL,
        "attributes" jsonb NOT NULL DEFAULT '{}'::jsonb,
        "shooting_id" uuid,
        "bulk_upload_id" uuid,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "updated_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "products_team_sku_key" UNIQUE ("team_id", "sku")
      )`,
    `
      CREATE TABLE "files"."bulk_upload_tasks" (
        "id" uuid PRIMARY KEY,
        "team_id" uuid NOT NULL,
        "owner_id" uuid NOT NULL,
        "filename" text NOT NULL,
        "object_key" text NOT NULL,
        "status" text NOT NULL DEFAULT 'PENDING' CHECK ("status" IN ('PENDING', 'PROCESSING', 'COMPLETED', 'FAILED')),
        "caption_products" boolean NOT NULL,
        "skip_existing_skus" boolean NOT NULL,
        "shooting_id" uuid,
        "total_products" integer NOT NULL DEFAULT 0,
        "processed_products" integer NOT NULL DEFAULT 0,
        "successful_products" integer NOT NULL DEFAULT 0,
        "failed_products" integer NOT NULL DEFAULT 0,
        "skipped_products" integer NOT NULL DEFAULT 0,
        "results" jsonb NOT NULL DEFAULT '{}'::jsonb,
        "error_message" text,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "updated_at" timestamptz NOT NULL DEFAULT now(),
        "completed_at" timestamptz
      )`,
    `CREATE INDEX "bulk_upload_tasks_owner_idx" ON "files"."bulk_upload_tasks" ("team_id", "owner_id", "created_at" DESC)`,
  ],
  down: [
    'DROP TABLE "files"."bulk_upload_tasks"',
    'DROP TABLE "files"."products"',
    'DROP TABLE "files"."media_ingestions"',
    'DROP TABLE "files"."media_resource_attachments"',
    'DROP TABLE "files"."media_resources"',
  ],
}) {
  override name = 'MediaResources1763942400100';
}
