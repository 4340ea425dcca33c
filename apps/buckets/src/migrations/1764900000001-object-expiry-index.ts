import { sqlMigration } from '@mp/platform';

/** The lifecycle sweeper finds objects past `X-Delete-At` without scanning every object. */
export class ObjectExpiryIndex1764900000001 extends sqlMigration({
  up: [`CREATE INDEX "objects_delete_at_idx" ON "buckets"."objects" ("delete_at") WHERE "delete_at" IS NOT NULL`],
  down: [`DROP INDEX "buckets"."objects_delete_at_idx"`],
}) {
  override name = 'ObjectExpiryIndex1764900000001';
}
