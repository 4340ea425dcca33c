import { MigrationInterface, QueryRunner } from 'typeorm';

/** Objects of `use_encryption` buckets: the wrapped data key, its master key id and the nonce base. */
export class ObjectEncryption1764900000003 implements MigrationInterface {
  name = 'ObjectEncryption1764900000003';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "buckets"."objects" ADD COLUMN "encryption" jsonb`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "buckets"."objects" DROP COLUMN "encryption"`);
  }
}
