import { sqlMigration } from '@mp/platform';

/** Objects of `use_encryption` buckets: the wrapped data key, its master key id and the nonce base. */
export class ObjectEncryption1764900000003 extends sqlMigration({
  up: [`ALTER TABLE "buckets"."objects" ADD COLUMN "encryption" jsonb`],
  down: [`ALTER TABLE "buckets"."objects" DROP COLUMN "encryption"`],
}) {
  override name = 'ObjectEncryption1764900000003';
}
