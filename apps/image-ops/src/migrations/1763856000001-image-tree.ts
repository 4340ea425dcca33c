import { MigrationInterface, QueryRunner } from 'typeorm';

/** Folders, image files, operations, operation/delete queue items and per-app settings; all rows carry team and app key. */
export class ImageTree1763856000001 implements MigrationInterface {
  name = 'ImageTree1763856000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "imageops"."folders" (
      "id" uuid PRIMARY KEY,
      "team_id" uuid NOT NULL,
      "app_key" text NOT NULL,
      "path" text NOT NULL,
      "parent_path" text,
      "name" text NOT NULL,
      "created_at" timestamptz NOT NULL DEFAULT now(),
      "updated_at" timestamptz NOT NULL DEFAULT now(),
      UNIQUE ("team_id", "app_key", "path"))`);
    await q.query(`CREATE INDEX "folders_parent_idx" ON "imageops"."folders" ("team_id", "app_key", "parent_path")`);
    await q.query(`CREATE TABLE "imageops"."files" (
      "id" uuid PRIMARY KEY,
      "team_id" uuid NOT NULL,
      "app_key" text NOT NULL,
      "path" text NOT NULL,
      "folder_path" text NOT NULL,
      "name" text NOT NULL,
      "object_key" text NOT NULL,
      "bytes" bigint NOT NULL,
      "format" text NOT NULL,
      "width" integer NOT NULL,
      "height" integer NOT NULL,
      "created_by" char(1) NOT NULL CHECK ("created_by" IN ('U', 'P')),
      "operation_id" text,
      "source_file_id" uuid,
      "taken_at" timestamptz,
      "lat" double precision,
      "lng" double precision,
      "created_at" timestamptz NOT NULL DEFAULT now(),
      "updated_at" timestamptz NOT NULL DEFAULT now(),
      UNIQUE ("team_id", "app_key", "path"))`);
    await q.query(`CREATE INDEX "files_folder_idx" ON "imageops"."files" ("team_id", "app_key", "folder_path")`);
    await q.query(
      `CREATE INDEX "files_source_idx" ON "imageops"."files" ("source_file_id") WHERE "source_file_id" IS NOT NULL`,
    );
    await q.query(`CREATE TABLE "imageops"."operations" (
      "team_id" uuid NOT NULL,
      "app_key" text NOT NULL,
      "operation_id" text NOT NULL,
      "description" text NOT NULL DEFAULT '',
      "realtime_service" boolean NOT NULL DEFAULT true,
      "steps" jsonb NOT NULL,
      "created_at" timestamptz NOT NULL DEFAULT now(),
      "updated_at" timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY ("team_id", "app_key", "operation_id"))`);
    await q.query(`CREATE TABLE "imageops"."queue_items" (
      "id" uuid PRIMARY KEY,
      "team_id" uuid NOT NULL,
      "app_key" text NOT NULL,
      "queue_type" text NOT NULL CHECK ("queue_type" IN ('image', 'delete')),
      "status" char(1) NOT NULL CHECK ("status" IN ('W', 'P', 'D', 'F')),
      "try_count" integer NOT NULL DEFAULT 0,
      "operation_id" text NOT NULL DEFAULT '',
      "source_file_id" uuid,
      "target_path" text NOT NULL DEFAULT '',
      "callback_url" text,
      "result" jsonb,
      "queued_at" timestamptz NOT NULL DEFAULT now(),
      "updated_at" timestamptz NOT NULL DEFAULT now())`);
    await q.query(`CREATE INDEX "queue_items_team_idx" ON "imageops"."queue_items" ("team_id", "app_key")`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of ['queue_items', 'operations', 'files', 'folders']) await q.query(`DROP TABLE "imageops"."${t}"`);
  }
}
