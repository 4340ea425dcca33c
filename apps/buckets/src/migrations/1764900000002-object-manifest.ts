import { MigrationInterface, QueryRunner } from 'typeorm';

/** A Swift dynamic large object's manifest (`X-Object-Manifest: container/prefix`). */
export class ObjectManifest1764900000002 implements MigrationInterface {
  name = 'ObjectManifest1764900000002';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "buckets"."objects" ADD COLUMN "manifest" text`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "buckets"."objects" DROP COLUMN "manifest"`);
  }
}
