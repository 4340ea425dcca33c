import { MigrationInterface, QueryRunner } from 'typeorm';

/** Finds the image stored at a key: the orphan sweep asks it of every object under `image/`. */
export class FilesObjectKey1764500000000 implements MigrationInterface {
  name = 'FilesObjectKey1764500000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX "files_object_key_idx" ON "imageops"."files" ("object_key")`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX "imageops"."files_object_key_idx"`);
  }
}
