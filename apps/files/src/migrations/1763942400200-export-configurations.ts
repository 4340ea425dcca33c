import { sqlMigration } from '@mp/platform';

/**
 * Seed 003 export configurations: one personal configuration per user (organization_id NULL) and
 * one shared configuration per organisation (user_id = who created it). Enums as CHECKs.
 */
export class ExportConfigurations1763942400200 extends sqlMigration({
  up: [
    `
      CREATE TABLE "files"."export_configurations" (
        "id" uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        "team_id" uuid NOT NULL,
        "user_id" uuid NOT NULL,
        "organization_id" uuid,
        "image_format" text NOT NULL CHECK ("image_format" IN ('webp', 'jpeg', 'png', 'avif')),
        "metadata_adapter" text NOT NULL CHECK ("metadata_adapter" IN ('default', 'ovs')),
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "updated_at" timestamptz NOT NULL DEFAULT now()
      )`,
    `CREATE UNIQUE INDEX "export_configurations_user_key" ON "files"."export_configurations" ("user_id") WHERE "organization_id" IS NULL`,
    `CREATE UNIQUE INDEX "export_configurations_org_key" ON "files"."export_configurations" ("organization_id") WHERE "organization_id" IS NOT NULL`,
  ],
  down: ['DROP TABLE "files"."export_configurations"'],
}) {
  override name = 'ExportConfigurations1763942400200';
}
