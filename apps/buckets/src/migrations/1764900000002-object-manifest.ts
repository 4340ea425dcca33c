import { sqlMigration } from '@mp/platform';

/** A Swift dynamic large object's manifest (`X-Object-Manifest: container/prefix`). */
export class ObjectManifest1764900000002 extends sqlMigration({
  up: [`ALTER TABLE "buckets"."objects" ADD COLUMN "manifest" text`],
  down: [`ALTER TABLE "buckets"."objects" DROP COLUMN "manifest"`],
}) {
  override name = 'ObjectManifest1764900000002';
}
