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

  /**
   * The app's scope if it is known (app keys are unique across teams; an app is known once it has
   * stored an image or a setting) and its realtime service is on (the default without a setting).
   * One statement.
   */
  async realtimeScopeOf(appKey: string): Promise<ImageScope | null> {
    const rows: Array<{ team_id: string; realtime_service: boolean | null }> = await this.db.query(
      `SELECT k."team_id", s."realtime_service" FROM (SELECT "team_id" FROM ${T}."files" WHERE "app_key" = $1 UNION SELECT "team_id" FROM ${T}."app_settings" WHERE "app_key" = $1 LIMIT 1) k
       LEFT JOIN ${T}."app_settings" s ON s."team_id" = k."team_id" AND s."app_key" = $1`,
      [appKey],
    );
    const known = rows[0];
    return known && (known.realtime_service ?? true) ? { team_id: known.team_id, app_key: appKey } : null;
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
