import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { FileRow } from '../tree/image-tree.repository';
import { ImageScope } from '../tree/image-scope';

const T = '"imageops"';

/** Lookups of public image URLs (by app key, no team) and of the sources the realtime service renders from. */
@Injectable()
export class PublicImageRepository {
  constructor(private readonly db: DataSource) {}

  /** The stored file at a public path, if any. */
  async findPublic(appKey: string, path: string): Promise<FileRow | null> {
    const rows: FileRow[] = await this.db.query(`SELECT * FROM ${T}."files" WHERE "app_key" = $1 AND "path" = $2`, [
      appKey,
      path,
    ]);
    return rows[0] ?? null;
  }

  /** App keys are unique across teams; an app is known once it has stored an image or a setting. */
  async scopeOf(appKey: string): Promise<ImageScope | null> {
    const rows: Array<{ team_id: string }> = await this.db.query(
      `SELECT "team_id" FROM ${T}."files" WHERE "app_key" = $1 UNION SELECT "team_id" FROM ${T}."app_settings" WHERE "app_key" = $1 LIMIT 1`,
      [appKey],
    );
    return rows[0] ? { team_id: rows[0].team_id, app_key: appKey } : null;
  }

  /** User-uploaded files of a folder named `sourceBase` or `sourceBase.<ext>`, by name. */
  findRealtimeSources(scope: ImageScope, folder: string, sourceBase: string): Promise<FileRow[]> {
    return this.db.query(
      `SELECT * FROM ${T}."files" WHERE "team_id" = $1 AND "app_key" = $2 AND "folder_path" = $3 AND "created_by" = 'U' AND ("name" = $4 OR "name" LIKE $5) ORDER BY "name"`,
      [scope.team_id, scope.app_key, folder, sourceBase, `${sourceBase.replace(/[\\%_]/g, (ch) => `\\${ch}`)}.%`],
    );
  }

  /** Serialises producers of one source × operation (across processes) inside the caller's transaction. */
  async lockProduction(m: EntityManager, scope: ImageScope, sourceId: string, operationId: string): Promise<void> {
    await m.query('SELECT pg_advisory_xact_lock(hashtext($1))', [
      `imageops-realtime:${scope.team_id}:${scope.app_key}:${sourceId}:${operationId}`,
    ]);
  }
}
