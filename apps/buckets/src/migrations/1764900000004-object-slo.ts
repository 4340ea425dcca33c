import { sqlMigration } from '@mp/platform';

/** A Swift static large object (`?multipart-manifest=put`): its stored bytes are the segment manifest. */
export class ObjectSlo1764900000004 extends sqlMigration({
  up: [`ALTER TABLE "buckets"."objects" ADD COLUMN "slo" boolean NOT NULL DEFAULT false`],
  down: [`ALTER TABLE "buckets"."objects" DROP COLUMN "slo"`],
}) {
  override name = 'ObjectSlo1764900000004';
}
