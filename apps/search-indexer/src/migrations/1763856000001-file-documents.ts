import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The search index: one row per file, a typed column per catalog field plus the custom metadata.
 * A deleted file keeps a content-free tombstone row (`deleted_at`) so late events cannot revive it;
 * every query index is partial on live rows. Text match uses pg_trgm (ILIKE '%…%').
 */
export class FileDocuments1763856000001 implements MigrationInterface {
  name = 'FileDocuments1763856000001';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('CREATE EXTENSION IF NOT EXISTS pg_trgm');
    const [{ schema: trgm }] = await queryRunner.query(
      `SELECT n.nspname AS schema FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace WHERE e.extname = 'pg_trgm'`,
    );
    await queryRunner.query(`
      CREATE TABLE "search"."file_documents" (
        "file_id" text PRIMARY KEY,
        "team_id" text NOT NULL,
        "object_key" text,
        "filename" text,
        "user_id" text,
        "created_at" timestamptz,
        "updated_at" timestamptz,
        "expires_at" timestamptz,
        "source" text,
        "source_job_id" text,
        "source_model" text,
        "upload_ip" text,
        "content_type" text,
        "size" bigint,
        "extension" text,
        "folder" text,
        "checksum" text,
        "category" text,
        "subcategory" text,
        "tags" text[],
        "labels" text[],
        "project" text,
        "environment" text,
        "status" text,
        "visibility" text,
        "is_processed" boolean,
        "is_archived" boolean,
        "width" bigint,
        "height" bigint,
        "duration" double precision,
        "frame_count" bigint,
        "sample_rate" bigint,
        "bit_depth" bigint,
        "prompt" text,
        "negative_prompt" text,
        "seed" bigint,
        "steps" bigint,
        "cfg_scale" double precision,
        "model_version" text,
        "retention_days" bigint,
        "legal_hold" boolean,
        "classification_level" text,
        "metadata" jsonb,
        "deleted_at" timestamptz,
        "indexed_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "file_documents_live_complete" CHECK (
          "deleted_at" IS NOT NULL OR (
            "object_key" IS NOT NULL AND "filename" IS NOT NULL AND "created_at" IS NOT NULL AND "updated_at" IS NOT NULL
            AND "source" IS NOT NULL AND "content_type" IS NOT NULL AND "size" IS NOT NULL AND "folder" IS NOT NULL
            AND "tags" IS NOT NULL AND "labels" IS NOT NULL AND "status" IS NOT NULL AND "is_processed" IS NOT NULL
            AND "is_archived" IS NOT NULL AND "legal_hold" IS NOT NULL AND "metadata" IS NOT NULL
          )
        )
      )`);
    const live = 'WHERE "deleted_at" IS NULL';
    const indexes = [
      `"file_documents_team_folder_type_created_idx" ON "search"."file_documents" ("team_id", "folder", "content_type", "created_at" DESC, "file_id" DESC) ${live}`,
      `"file_documents_team_created_idx" ON "search"."file_documents" ("team_id", "created_at" DESC, "file_id" DESC) ${live}`,
      `"file_documents_team_project_idx" ON "search"."file_documents" ("team_id", "project") ${live}`,
      `"file_documents_team_model_created_idx" ON "search"."file_documents" ("team_id", "source_model", "created_at" DESC) ${live}`,
      `"file_documents_tags_idx" ON "search"."file_documents" USING gin ("tags") ${live}`,
      `"file_documents_labels_idx" ON "search"."file_documents" USING gin ("labels") ${live}`,
      `"file_documents_metadata_idx" ON "search"."file_documents" USING gin ("metadata" jsonb_path_ops) ${live}`,
      `"file_documents_filename_trgm_idx" ON "search"."file_documents" USING gin ("filename" "${trgm}".gin_trgm_ops) ${live}`,
      `"file_documents_prompt_trgm_idx" ON "search"."file_documents" USING gin ("prompt" "${trgm}".gin_trgm_ops) ${live}`,
    ];
    for (const index of indexes) await queryRunner.query(`CREATE INDEX ${index}`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE "search"."file_documents"');
  }
}
