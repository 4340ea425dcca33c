import { MigrationInterface, QueryRunner } from 'typeorm';

/** A Swift static large object (`?multipart-manifest=put`): its stored bytes are the segment manifest. */
export class ObjectSlo1764900000004 implements MigrationInterface {
  name = 'ObjectSlo1764900000004';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "buckets"."objects" ADD COLUMN "slo" boolean NOT NULL DEFAULT false`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "buckets"."objects" DROP COLUMN "slo"`);
  }
}
