import { sqlMigration } from '@mp/platform';

/** Finds the image stored at a key: the orphan sweep asks it of every object under `image/`. */
export class FilesObjectKey1764500000000 extends sqlMigration({
  up: [`CREATE INDEX "files_object_key_idx" ON "imageops"."files" ("object_key")`],
  down: [`DROP INDEX "imageops"."files_object_key_idx"`],
}) {
  override name = 'FilesObjectKey1764500000000';
}
