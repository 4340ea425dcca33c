import { Injectable } from '@nestjs/common';
import { ImageQueue } from '@mp/contracts';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { formatImageDate } from '../image-dates';
import { imageUrl } from '../tree/image-dto.mapper';
import { ImageScope } from '../tree/image-scope';

export interface QueueItemRow {
  id: string;
  team_id: string;
  app_key: string;
  queue_type: 'image' | 'delete';
  status: 'W' | 'P' | 'D' | 'F';
  try_count: number;
  operation_id: string;
  source_file_id: string | null;
  target_path: string;
  callback_url: string | null;
  result: unknown;
  /** A delete item's request (`folderIds`, `fileIds`, `includeThumbnail`). */
  params: unknown;
  queued_at: Date;
}

export interface NewImageItem {
  operation_id: string;
  source_file_id: string;
  target_path: string;
  callback_url: string | null;
}

const T = '"imageops"."queue_items"';

@Injectable()
export class QueueItemRepository {
  constructor(private readonly db: DataSource) {}

  /** Waiting (W) image items, all in one statement; answered in the order given. */
  async createImageItems(m: EntityManager, scope: ImageScope, items: NewImageItem[]): Promise<QueueItemRow[]> {
    if (items.length === 0) return [];
    const ids = items.map(() => randomUUID());
    const rows: QueueItemRow[] = await m.query(
      `INSERT INTO ${T} ("id", "team_id", "app_key", "queue_type", "status", "operation_id", "source_file_id", "target_path", "callback_url")
       SELECT "u"."id", $1, $2, 'image', 'W', "u"."operation_id", "u"."source_file_id", "u"."target_path", "u"."callback_url"
         FROM unnest($3::uuid[], $4::text[], $5::uuid[], $6::text[], $7::text[])
           AS "u"("id", "operation_id", "source_file_id", "target_path", "callback_url")
       RETURNING *`,
      [
        scope.team_id,
        scope.app_key,
        ids,
        items.map((i) => i.operation_id),
        items.map((i) => i.source_file_id),
        items.map((i) => i.target_path),
        items.map((i) => i.callback_url),
      ],
    );
    const byId = new Map(rows.map((row) => [row.id, row]));
    return ids.map((id) => byId.get(id)!);
  }

  async createDeleteItem(
    m: EntityManager,
    scope: ImageScope,
    params: { folderIds: string[]; fileIds: string[]; includeThumbnail: boolean },
  ): Promise<QueueItemRow> {
    const rows = await m.query(
      `INSERT INTO ${T} ("id", "team_id", "app_key", "queue_type", "status", "params") VALUES ($1, $2, $3, 'delete', 'W', $4) RETURNING *`,
      [randomUUID(), scope.team_id, scope.app_key, JSON.stringify(params)],
    );
    return rows[0];
  }

  /** Items still waiting (W) that were queued before `olderThan`: their job may never have been added. */
  async waitingSince(olderThan: Date, limit: number): Promise<Array<Pick<QueueItemRow, 'id' | 'queue_type'>>> {
    return this.db.query(
      `SELECT "id", "queue_type" FROM ${T} WHERE "status" = 'W' AND "queued_at" < $1 ORDER BY "queued_at" LIMIT $2`,
      [olderThan, limit],
    );
  }

  async find(id: string, m: EntityManager = this.db.manager): Promise<QueueItemRow | null> {
    const rows = await m.query(`SELECT * FROM ${T} WHERE "id" = $1`, [id]);
    return rows[0] ?? null;
  }

  async findScoped(scope: ImageScope, id: string): Promise<QueueItemRow | null> {
    if (!/^[0-9a-f-]{36}$/i.test(id)) return null;
    const rows = await this.db.query(`SELECT * FROM ${T} WHERE "id" = $1 AND "team_id" = $2 AND "app_key" = $3`, [
      id,
      scope.team_id,
      scope.app_key,
    ]);
    return rows[0] ?? null;
  }

  /** W/P → P with the retry count, in one round trip; null when no unfinished item of that type has the id. */
  async claim(id: string, type: QueueItemRow['queue_type'], tryCount: number): Promise<QueueItemRow | null> {
    const [rows] = await this.db.query(
      `UPDATE ${T} SET "status" = 'P', "try_count" = $3, "updated_at" = now()
       WHERE "id" = $1 AND "queue_type" = $2 AND "status" IN ('W', 'P') RETURNING *`,
      [id, type, tryCount],
    );
    return rows[0] ?? null;
  }

  /** Why `claim` found nothing to run. */
  async unclaimableReason(id: string, type: QueueItemRow['queue_type']): Promise<string> {
    const item = await this.find(id);
    if (!item) return 'item-missing';
    if (item.queue_type !== type) return `not-a-${type}`;
    return 'item-finished';
  }

  /** Progress of an unfinished item (kept across retries). */
  async saveResult(m: EntityManager, id: string, result: unknown): Promise<void> {
    await m.query(`UPDATE ${T} SET "result" = $2, "updated_at" = now() WHERE "id" = $1`, [id, JSON.stringify(result)]);
  }

  async finish(m: EntityManager, id: string, status: 'D' | 'F', result: unknown): Promise<void> {
    await m.query(`UPDATE ${T} SET "status" = $2, "result" = $3, "updated_at" = now() WHERE "id" = $1`, [
      id,
      status,
      JSON.stringify(result),
    ]);
  }
}

export function toQueueDto(base: string, row: QueueItemRow): ImageQueue {
  const scope = { team_id: row.team_id, app_key: row.app_key };
  return {
    queueId: row.id,
    queueType: row.queue_type,
    status: row.status,
    tryCount: row.try_count,
    queuedAt: formatImageDate(row.queued_at),
    operationId: row.operation_id,
    url: row.target_path ? imageUrl(base, scope, row.target_path) : '',
    name: row.target_path ? row.target_path.slice(row.target_path.lastIndexOf('/') + 1) : '',
    path: row.target_path,
  };
}
