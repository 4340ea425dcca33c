import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { sqlRows } from './sql-rows';

export interface MediaResourceRow {
  id: string;
  team_id: string;
  sha256: string;
  size: number;
  content_type: string | null;
  ext: string;
  object_key: string;
  relocated: boolean;
}

export interface MediaAttachmentRow extends MediaResourceRow {
  attachment_id: string;
  entity_type: string;
  entity_id: string;
  position: number;
  attached_at: Date;
}

export interface EntityRef {
  team_id: string;
  entity_type: string;
  entity_id: string;
}

const RESOURCE_COLUMNS =
  'r.id, r.team_id, r.sha256, r.size::float8 AS size, r.content_type, r.ext, r.object_key, r.relocated';
const ATTACHMENT_SELECT = `SELECT ${RESOURCE_COLUMNS}, a.id AS attachment_id, a.entity_type, a.entity_id, a.position, a.created_at AS attached_at
  FROM files.media_resource_attachments a JOIN files.media_resources r ON r.id = a.resource_id`;

/** SQL of media resources, their attachments and ingestion records; everything filtered by team. */
@Injectable()
export class MediaResourceRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The resource a temp object already became (a retried ingest whose temp object is gone). */
  async findIngested(teamId: string, tempKey: string): Promise<MediaResourceRow | null> {
    const rows = await this.dataSource.query(
      `SELECT ${RESOURCE_COLUMNS} FROM files.media_ingestions i JOIN files.media_resources r ON r.id = i.resource_id WHERE i.team_id = $1 AND i.temp_key = $2`,
      [teamId, tempKey],
    );
    return (rows as MediaResourceRow[])[0] ?? null;
  }

  /**
   * The team's resource for these bytes, created when absent. One statement, so concurrent ingests
   * of identical bytes meet at the (team, sha256) constraint and all get the same row; `inserted`
   * tells the one that created it. A hit refreshes `last_used_at` so the collector leaves it alone.
   */
  async upsert(resource: Omit<MediaResourceRow, 'relocated'>): Promise<{ row: MediaResourceRow; inserted: boolean }> {
    const rows = await this.dataSource.query(
      `INSERT INTO files.media_resources AS r (id, team_id, sha256, size, content_type, ext, object_key)
       VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (team_id, sha256) DO UPDATE SET last_used_at = now()
       RETURNING ${RESOURCE_COLUMNS}, (xmax = 0) AS inserted`,
      [
        resource.id,
        resource.team_id,
        resource.sha256,
        resource.size,
        resource.content_type,
        resource.ext,
        resource.object_key,
      ],
    );
    const { inserted, ...row } = (rows as Array<MediaResourceRow & { inserted: boolean }>)[0];
    return { row, inserted };
  }

  async markRelocated(id: string): Promise<void> {
    await this.dataSource.query('UPDATE files.media_resources SET relocated = true WHERE id = $1', [id]);
  }

  /**
   * Records which resource the temp object became and links the resource to the entity (once:
   * attaching the same bytes twice to one entity returns the existing attachment), in one transaction.
   */
  attach(
    entity: EntityRef,
    resourceId: string,
    tempKey: string | null,
    manager?: EntityManager,
  ): Promise<MediaAttachmentRow> {
    const run = async (m: EntityManager) => {
      if (tempKey) {
        await m.query(
          'INSERT INTO files.media_ingestions (team_id, temp_key, resource_id) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING',
          [entity.team_id, tempKey, resourceId],
        );
      }
      await m.query('UPDATE files.media_resources SET last_used_at = now() WHERE id = $1', [resourceId]);
      await m.query(
        `INSERT INTO files.media_resource_attachments (team_id, resource_id, entity_type, entity_id, position)
         VALUES ($1, $2, $3, $4, (SELECT COALESCE(max(position) + 1, 0) FROM files.media_resource_attachments WHERE team_id = $1 AND entity_type = $3 AND entity_id = $4))
         ON CONFLICT (team_id, entity_type, entity_id, resource_id) DO NOTHING`,
        [entity.team_id, resourceId, entity.entity_type, entity.entity_id],
      );
      const rows = await m.query(
        `${ATTACHMENT_SELECT} WHERE a.team_id = $1 AND a.entity_type = $2 AND a.entity_id = $3 AND a.resource_id = $4`,
        [entity.team_id, entity.entity_type, entity.entity_id, resourceId],
      );
      return (rows as MediaAttachmentRow[])[0];
    };
    return manager ? run(manager) : this.dataSource.transaction(run);
  }

  async listAttachments(entity: EntityRef): Promise<MediaAttachmentRow[]> {
    return this.dataSource.query(
      `${ATTACHMENT_SELECT} WHERE a.team_id = $1 AND a.entity_type = $2 AND a.entity_id = $3 ORDER BY a.position, a.created_at`,
      [entity.team_id, entity.entity_type, entity.entity_id],
    );
  }

  /** Removes one attachment of the team; its resource's unattached grace starts now. Null when absent. */
  async detach(teamId: string, attachmentId: string): Promise<{ id: string; resource_id: string } | null> {
    return this.dataSource.transaction(async (m) => {
      const rows = sqlRows<{ id: string; resource_id: string }>(
        await m.query(
          'DELETE FROM files.media_resource_attachments WHERE id = $1 AND team_id = $2 RETURNING id, resource_id',
          [attachmentId, teamId],
        ),
      );
      if (!rows[0]) return null;
      await m.query('UPDATE files.media_resources SET last_used_at = now() WHERE id = $1', [rows[0].resource_id]);
      return rows[0];
    });
  }

  /** Resources without attachments, unused for at least `graceMs`, oldest first. */
  async findUnattached(graceMs: number, limit: number): Promise<string[]> {
    const rows: Array<{ id: string }> = await this.dataSource.query(
      `SELECT r.id FROM files.media_resources r
       WHERE r.last_used_at <= now() - make_interval(secs => $1)
         AND NOT EXISTS (SELECT 1 FROM files.media_resource_attachments a WHERE a.resource_id = r.id)
       ORDER BY r.last_used_at LIMIT $2`,
      [graceMs / 1000, limit],
    );
    return rows.map((r) => r.id);
  }

  /**
   * Deletes one unattached resource (and its ingestion records) if it still qualifies, running
   * `deleteObject` before the commit: a store failure keeps the row so the next run retries.
   */
  async deleteUnattached(id: string, graceMs: number, deleteObject: (key: string) => Promise<void>): Promise<boolean> {
    return this.dataSource.transaction(async (m) => {
      const rows: Array<{ object_key: string }> = await m.query(
        `SELECT r.object_key FROM files.media_resources r
         WHERE r.id = $1 AND r.last_used_at <= now() - make_interval(secs => $2)
           AND NOT EXISTS (SELECT 1 FROM files.media_resource_attachments a WHERE a.resource_id = r.id)
         FOR UPDATE SKIP LOCKED`,
        [id, graceMs / 1000],
      );
      if (!rows[0]) return false;
      await m.query('DELETE FROM files.media_resources WHERE id = $1', [id]);
      await deleteObject(rows[0].object_key);
      return true;
    });
  }
}
