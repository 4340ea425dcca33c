import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { ImageScope } from '../tree/image-scope';

const T = '"imageops"';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** What a delete removed from the records; the objects are removed after commit. */
export interface DeletedRecords {
  files: number;
  folders: number;
  objectKeys: string[];
}

/** Record deletes of the image tree (inside the caller's transaction, scoped by team and app key). */
@Injectable()
export class ImageDeleteRepository {
  /**
   * The ids among `ids` that name no file (or folder) of this app. The rows found stay locked until
   * the caller's transaction ends, so of concurrent deletes of one id exactly one finds it.
   */
  async missing(m: EntityManager, scope: ImageScope, table: 'files' | 'folders', ids: string[]): Promise<string[]> {
    const valid = ids.filter((id) => UUID.test(id));
    const rows: Array<{ id: string }> = valid.length
      ? await m.query(
          `SELECT "id"::text AS "id" FROM ${T}."${table}" WHERE "team_id" = $1 AND "app_key" = $2 AND "id" = ANY($3::uuid[]) FOR UPDATE`,
          [scope.team_id, scope.app_key, valid],
        )
      : [];
    const found = new Set(rows.map((r) => r.id.toLowerCase()));
    return ids.filter((id) => !found.has(id.toLowerCase()));
  }

  /** The folder's path, or null; the row stays locked like `missing`'s (the root folder is never deleted: it is the app itself). */
  async folderPath(m: EntityManager, scope: ImageScope, id: string): Promise<string | null> {
    if (!UUID.test(id)) return null;
    const rows: Array<{ path: string }> = await m.query(
      `SELECT "path" FROM ${T}."folders" WHERE "team_id" = $1 AND "app_key" = $2 AND "id" = $3 FOR UPDATE`,
      [scope.team_id, scope.app_key, id],
    );
    return rows[0]?.path ?? null;
  }

  /** Deletes files by id, and with `includeThumbnail` the operation results made from them. */
  async deleteFiles(
    m: EntityManager,
    scope: ImageScope,
    ids: string[],
    includeThumbnail: boolean,
  ): Promise<DeletedRecords> {
    const valid = ids.filter((id) => UUID.test(id));
    if (!valid.length) return { files: 0, folders: 0, objectKeys: [] };
    const deleted = returned<{ id: string; object_key: string; folder_path: string }>(
      await m.query(
        `DELETE FROM ${T}."files" WHERE "team_id" = $1 AND "app_key" = $2 AND "id" = ANY($3::uuid[]) RETURNING "id", "object_key", "folder_path"`,
        [scope.team_id, scope.app_key, valid],
      ),
    );
    const derived = includeThumbnail
      ? await this.deleteDerived(
          m,
          scope,
          deleted.map((d) => d.id),
        )
      : [];
    await this.touchFolders(
      m,
      scope,
      [...deleted, ...derived].map((d) => d.folder_path),
    );
    return {
      files: deleted.length + derived.length,
      folders: 0,
      objectKeys: [...deleted, ...derived].map((d) => d.object_key),
    };
  }

  /** Deletes a folder with every folder and file below it (and, with `includeThumbnail`, results made from those files elsewhere). */
  async deleteFolder(
    m: EntityManager,
    scope: ImageScope,
    path: string,
    includeThumbnail: boolean,
  ): Promise<DeletedRecords> {
    const below = `${path.replace(/[\\%_]/g, (c) => `\\${c}`)}/%`;
    const files = returned<{ id: string; object_key: string; folder_path: string }>(
      await m.query(
        `DELETE FROM ${T}."files" WHERE "team_id" = $1 AND "app_key" = $2 AND "path" LIKE $3 RETURNING "id", "object_key", "folder_path"`,
        [scope.team_id, scope.app_key, below],
      ),
    );
    const derived = includeThumbnail
      ? await this.deleteDerived(
          m,
          scope,
          files.map((f) => f.id),
        )
      : [];
    const folders = returned<{ id: string }>(
      await m.query(
        `DELETE FROM ${T}."folders" WHERE "team_id" = $1 AND "app_key" = $2 AND ("path" = $3 OR "path" LIKE $4) RETURNING "id"`,
        [scope.team_id, scope.app_key, path, below],
      ),
    );
    await this.touchFolders(m, scope, [
      path.slice(0, Math.max(1, path.lastIndexOf('/'))),
      ...derived.map((d) => d.folder_path),
    ]);
    return {
      files: files.length + derived.length,
      folders: folders.length,
      objectKeys: [...files, ...derived].map((f) => f.object_key),
    };
  }

  private async deleteDerived(
    m: EntityManager,
    scope: ImageScope,
    sourceIds: string[],
  ): Promise<Array<{ id: string; object_key: string; folder_path: string }>> {
    if (!sourceIds.length) return [];
    return returned(
      await m.query(
        `DELETE FROM ${T}."files" WHERE "team_id" = $1 AND "app_key" = $2 AND "created_by" = 'P' AND "source_file_id" = ANY($3::uuid[]) RETURNING "id", "object_key", "folder_path"`,
        [scope.team_id, scope.app_key, sourceIds],
      ),
    );
  }

  private async touchFolders(m: EntityManager, scope: ImageScope, paths: string[]): Promise<void> {
    const unique = [...new Set(paths)];
    if (unique.length)
      await m.query(
        `UPDATE ${T}."folders" SET "updated_at" = now() WHERE "team_id" = $1 AND "app_key" = $2 AND "path" = ANY($3)`,
        [scope.team_id, scope.app_key, unique],
      );
  }
}

/** TypeORM answers `DELETE … RETURNING` with `[rows, count]`. */
function returned<R>(result: unknown): R[] {
  const rows = result as unknown[];
  return (Array.isArray(rows[0]) ? rows[0] : rows) as R[];
}
