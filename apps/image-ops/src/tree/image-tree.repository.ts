import { Injectable } from '@nestjs/common';
import { DomainError, IMAGE_RESULT } from '@mp/contracts';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { chainOf, nameOf, parentOf } from './image-path';
import { ImageScope } from './image-scope';

export interface FolderRow {
  id: string;
  path: string;
  name: string;
  updated_at: Date;
}

export interface FileRow {
  id: string;
  team_id: string;
  app_key: string;
  path: string;
  folder_path: string;
  name: string;
  object_key: string;
  bytes: string | number;
  format: string;
  width: number;
  height: number;
  created_by: 'U' | 'P';
  operation_id: string | null;
  source_file_id: string | null;
  taken_at: Date | null;
  lat: number | null;
  lng: number | null;
  created_at: Date;
  updated_at: Date;
}

export type NewFile = Omit<
  FileRow,
  'id' | 'created_at' | 'updated_at' | 'folder_path' | 'name' | 'team_id' | 'app_key'
>;

export interface ListOptions {
  name?: string;
  createdBy?: 'U' | 'P';
  sort: 'name:asc' | 'name:desc' | 'date:asc' | 'date:desc';
  offset: number;
  limit: number;
}

const T = '"imageops"';

/** Folders and files of image apps (raw SQL; every query is scoped by team and app key). */
@Injectable()
export class ImageTreeRepository {
  constructor(private readonly db: DataSource) {}

  /** Serialises writers of one folder inside the caller's transaction. */
  async lockFolder(m: EntityManager, scope: ImageScope, folder: string): Promise<void> {
    await m.query('SELECT pg_advisory_xact_lock(hashtext($1))', [
      `imageops:${scope.team_id}:${scope.app_key}:${folder}`,
    ]);
  }

  /** Creates the folder and its missing parents; refuses when a file sits on the chain. */
  async ensureFolders(m: EntityManager, scope: ImageScope, folder: string): Promise<FolderRow> {
    const chain = chainOf(folder);
    const clash = await m.query(
      `SELECT "path" FROM ${T}."files" WHERE "team_id" = $1 AND "app_key" = $2 AND "path" = ANY($3) LIMIT 1`,
      [scope.team_id, scope.app_key, chain],
    );
    if (clash.length)
      throw new DomainError('Conflict', `A file exists at ${clash[0].path}`, {
        resultCode: IMAGE_RESULT.folderIsFile.code,
      });
    await m.query(
      `INSERT INTO ${T}."folders" ("id", "team_id", "app_key", "path", "parent_path", "name")
       SELECT "c"."id", $1, $2, "c"."path", "c"."parent_path", "c"."name"
         FROM unnest($3::uuid[], $4::text[], $5::text[], $6::text[]) WITH ORDINALITY AS "c"("id", "path", "parent_path", "name", "n")
        ORDER BY "c"."n"
       ON CONFLICT ("team_id", "app_key", "path") DO NOTHING`,
      [
        scope.team_id,
        scope.app_key,
        chain.map(() => randomUUID()),
        chain,
        chain.map((path) => (path === '/' ? null : parentOf(path))),
        chain.map((path) => (path === '/' ? '' : nameOf(path))),
      ],
    );
    return (await this.findFolder(scope, folder, m))!;
  }

  async findFolder(scope: ImageScope, path: string, m: EntityManager = this.db.manager): Promise<FolderRow | null> {
    const rows = await m.query(
      `SELECT "id", "path", "name", "updated_at" FROM ${T}."folders" WHERE "team_id" = $1 AND "app_key" = $2 AND "path" = $3`,
      [scope.team_id, scope.app_key, path],
    );
    return rows[0] ?? null;
  }

  findFile(scope: ImageScope, path: string, m: EntityManager = this.db.manager): Promise<FileRow | null> {
    return this.findFileBy(m, scope, 'path', path);
  }

  findFileById(scope: ImageScope, id: string, m: EntityManager = this.db.manager): Promise<FileRow | null> {
    return this.findFileBy(m, scope, 'id', id);
  }

  private async findFileBy(
    m: EntityManager,
    scope: ImageScope,
    column: 'path' | 'id',
    value: string,
  ): Promise<FileRow | null> {
    const rows = await m.query(
      `SELECT * FROM ${T}."files" WHERE "team_id" = $1 AND "app_key" = $2 AND "${column}" = $3`,
      [scope.team_id, scope.app_key, value],
    );
    return rows[0] ?? null;
  }

  /**
   * Inserts the file, or replaces the record at its path (keeping its id), and touches its folder:
   * one statement. Returns the row and the object key it replaced.
   */
  async upsertFile(
    m: EntityManager,
    scope: ImageScope,
    file: NewFile,
  ): Promise<{ row: FileRow; replacedObjectKey: string | null }> {
    const rows: Array<FileRow & { _replaced: string | null }> = await m.query(
      `WITH "prev" AS (SELECT "id", "object_key" FROM ${T}."files" WHERE "team_id" = $2 AND "app_key" = $3 AND "path" = $4),
       "touched" AS (UPDATE ${T}."folders" SET "updated_at" = now() WHERE "team_id" = $2 AND "app_key" = $3 AND "path" = $5)
       INSERT INTO ${T}."files" ("id", "team_id", "app_key", "path", "folder_path", "name", "object_key", "bytes", "format", "width", "height", "created_by", "operation_id", "source_file_id", "taken_at", "lat", "lng")
       VALUES (COALESCE((SELECT "id" FROM "prev"), $1), $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17)
       ON CONFLICT ("team_id", "app_key", "path") DO UPDATE SET "object_key" = EXCLUDED."object_key", "bytes" = EXCLUDED."bytes", "format" = EXCLUDED."format",
         "width" = EXCLUDED."width", "height" = EXCLUDED."height", "created_by" = EXCLUDED."created_by", "operation_id" = EXCLUDED."operation_id",
         "source_file_id" = EXCLUDED."source_file_id", "taken_at" = EXCLUDED."taken_at", "lat" = EXCLUDED."lat", "lng" = EXCLUDED."lng", "updated_at" = now()
       RETURNING *, (SELECT "object_key" FROM "prev") AS "_replaced"`,
      [
        randomUUID(),
        scope.team_id,
        scope.app_key,
        file.path,
        parentOf(file.path),
        nameOf(file.path),
        file.object_key,
        file.bytes,
        file.format,
        file.width,
        file.height,
        file.created_by,
        file.operation_id,
        file.source_file_id,
        file.taken_at,
        file.lat,
        file.lng,
      ],
    );
    const { _replaced, ...row } = rows[0];
    return { row, replacedObjectKey: _replaced !== null && _replaced !== file.object_key ? _replaced : null };
  }

  async listFolders(scope: ImageScope, parent: string, o: ListOptions): Promise<{ rows: FolderRow[]; total: number }> {
    const where = `"team_id" = $1 AND "app_key" = $2 AND "parent_path" = $3 ${o.name ? `AND "name" ILIKE $4` : ''}`;
    const params: unknown[] = [scope.team_id, scope.app_key, parent, ...(o.name ? [likePattern(o.name)] : [])];
    const [{ count }] = await this.db.query(`SELECT count(*)::int AS count FROM ${T}."folders" WHERE ${where}`, params);
    const rows = await this.db.query(
      `SELECT "id", "path", "name", "updated_at" FROM ${T}."folders" WHERE ${where} ORDER BY ${orderBy(o.sort)} OFFSET ${o.offset} LIMIT ${o.limit}`,
      params,
    );
    return { rows, total: count };
  }

  async listFiles(scope: ImageScope, folder: string, o: ListOptions): Promise<{ rows: FileRow[]; total: number }> {
    const params: unknown[] = [scope.team_id, scope.app_key, folder];
    let where = `"team_id" = $1 AND "app_key" = $2 AND "folder_path" = $3`;
    if (o.name) where += ` AND "name" ILIKE $${params.push(likePattern(o.name))}`;
    if (o.createdBy) where += ` AND "created_by" = $${params.push(o.createdBy)}`;
    const [{ count }] = await this.db.query(`SELECT count(*)::int AS count FROM ${T}."files" WHERE ${where}`, params);
    const rows = await this.db.query(
      `SELECT * FROM ${T}."files" WHERE ${where} ORDER BY ${orderBy(o.sort)} OFFSET ${o.offset} LIMIT ${o.limit}`,
      params,
    );
    return { rows, total: count };
  }

  /** Files named directly, and user-uploaded files directly inside folders named (not results). */
  findSources(scope: ImageScope, paths: string[]): Promise<FileRow[]> {
    return this.db.query(
      `SELECT * FROM ${T}."files" WHERE "team_id" = $1 AND "app_key" = $2 AND ("path" = ANY($3) OR ("folder_path" = ANY($3) AND "created_by" = 'U')) ORDER BY "path"`,
      [scope.team_id, scope.app_key, paths],
    );
  }

  /** Deletes the records of files an operation produced; their object keys, for the caller to delete. */
  async deleteDerived(scope: ImageScope, operationId: string): Promise<string[]> {
    const rows: Array<{ object_key: string }> = await this.db.query(
      `DELETE FROM ${T}."files" WHERE "team_id" = $1 AND "app_key" = $2 AND "created_by" = 'P' AND "operation_id" = $3 RETURNING "object_key"`,
      [scope.team_id, scope.app_key, operationId],
    );
    const deleted = Array.isArray(rows[0]) ? (rows[0] as Array<{ object_key: string }>) : rows;
    return deleted.map((r) => r.object_key);
  }

  /** Bytes, folders and files under a folder, at every depth. */
  /** The keys among `keys` that no image file (of any app) stores its bytes at. */
  async unreferencedKeys(keys: string[]): Promise<string[]> {
    if (!keys.length) return [];
    const rows: Array<{ key: string }> = await this.db.query(
      `SELECT k AS "key" FROM unnest($1::text[]) AS k WHERE NOT EXISTS (SELECT 1 FROM ${T}."files" f WHERE f."object_key" = k)`,
      [keys],
    );
    return rows.map((r) => r.key);
  }

  async totalsUnder(scope: ImageScope, folder: string): Promise<{ bytes: number; folders: number; files: number }> {
    const prefix = folder === '/' ? '/%' : `${escapeLike(folder)}/%`;
    const [f] = await this.db.query(
      `SELECT count(*)::int AS files, coalesce(sum("bytes"), 0)::bigint AS bytes FROM ${T}."files" WHERE "team_id" = $1 AND "app_key" = $2 AND "path" LIKE $3`,
      [scope.team_id, scope.app_key, prefix],
    );
    const [d] = await this.db.query(
      `SELECT count(*)::int AS folders FROM ${T}."folders" WHERE "team_id" = $1 AND "app_key" = $2 AND "path" LIKE $3`,
      [scope.team_id, scope.app_key, prefix],
    );
    return { bytes: Number(f.bytes), folders: d.folders, files: f.files };
  }
}

function orderBy(sort: ListOptions['sort']): string {
  const [field, dir] = sort.split(':');
  const column = field === 'name' ? '"name"' : '"updated_at"';
  return `${column} ${dir === 'desc' ? 'DESC' : 'ASC'}, "id" ASC`;
}

function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (c) => `\\${c}`);
}

function likePattern(name: string): string {
  return `%${escapeLike(name)}%`;
}
