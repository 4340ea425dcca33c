import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { GenerationImageStoredEvent, GenerationRequestLoggedEvent } from '@mp/contracts';
import { DataSource } from 'typeorm';
import { aiImageTables } from './ai-image-tables';

export interface RequestStats {
  total: number;
  successful: number;
  failed: number;
  avgResponseTimeMs: number;
}

export interface LogRow {
  id: string;
  model: string | null;
  occurred_at: Date;
  status: 'success' | 'failed';
  response_time_ms: number;
  error_message: string | null;
}

export interface GalleryRow {
  id: string;
  prompt: string;
  model: string;
  object_key: string;
  size_label: string;
  created_at: Date;
}

export interface PageWindow {
  page: number;
  limit: number;
}

/** SQL of the request log (`/v1/logs`, `stats`) and the gallery: append-only, one row per request id / object key. */
@Injectable()
export class ImageHistoryRepository {
  private readonly table;

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {
    this.table = aiImageTables(dataSource);
  }

  /** Idempotent on the request id: a redelivered event adds nothing. */
  async insertLog(e: GenerationRequestLoggedEvent): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO ${this.table('ai_image_request_logs')}
         ("request_id", "team_id", "key_id", "model", "status", "response_time_ms", "error_message", "images_generated", "occurred_at")
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
       ON CONFLICT ("request_id") DO NOTHING`,
      [
        e.request_id,
        e.team_id,
        e.key_id,
        e.model,
        e.status,
        e.response_time_ms,
        e.error_message,
        e.images_generated,
        e.occurred_at,
      ],
    );
  }

  async stats(teamId: string, keyId: string): Promise<RequestStats> {
    const rows: { total: string; successful: string; avg: string | null }[] = await this.dataSource.query(
      `SELECT count(*) AS "total", count(*) FILTER (WHERE "status" = 'success') AS "successful",
              round(avg("response_time_ms")) AS "avg"
         FROM ${this.table('ai_image_request_logs')} WHERE "key_id" = $1 AND "team_id" = $2`,
      [keyId, teamId],
    );
    const total = Number(rows[0].total);
    const successful = Number(rows[0].successful);
    return { total, successful, failed: total - successful, avgResponseTimeMs: Number(rows[0].avg ?? 0) };
  }

  /** Newest first; `from` inclusive, `until` exclusive. */
  logs(
    teamId: string,
    keyId: string,
    range: { from?: string; until?: string },
    window: PageWindow,
  ): Promise<{ rows: LogRow[]; total: number }> {
    return this.page<LogRow>(
      `SELECT "id", "model", "occurred_at", "status", "response_time_ms", "error_message"
         FROM ${this.table('ai_image_request_logs')}
        WHERE "key_id" = $1 AND "team_id" = $2
          AND ($3::timestamptz IS NULL OR "occurred_at" >= $3) AND ($4::timestamptz IS NULL OR "occurred_at" < $4)`,
      `"occurred_at" DESC, "id" DESC`,
      [keyId, teamId, range.from ?? null, range.until ?? null],
      window,
    );
  }

  /** Idempotent on the object key: an image is in the gallery once, whoever redelivers its event. */
  async insertGalleryImage(e: GenerationImageStoredEvent): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO ${this.table('ai_image_gallery')}
         ("object_key", "team_id", "key_id", "source_job_id", "image_index", "model", "prompt", "size_label", "width", "height", "bytes", "created_at")
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
       ON CONFLICT ("object_key") DO NOTHING`,
      [
        e.object_key,
        e.team_id,
        e.key_id,
        e.source_job_id,
        e.index,
        e.model,
        e.prompt,
        e.size_label,
        e.width,
        e.height,
        e.bytes,
        e.created_at,
      ],
    );
  }

  /** Newest first. */
  gallery(teamId: string, keyId: string, window: PageWindow): Promise<{ rows: GalleryRow[]; total: number }> {
    return this.page<GalleryRow>(
      `SELECT "id", "prompt", "model", "object_key", "size_label", "created_at" FROM ${this.table('ai_image_gallery')}
        WHERE "key_id" = $1 AND "team_id" = $2`,
      `"created_at" DESC, "id" DESC`,
      [keyId, teamId],
      window,
    );
  }

  /** One page of `select` and the total it matches, from one snapshot (a page past the end still counts). */
  private async page<T>(
    select: string,
    order: string,
    params: unknown[],
    window: PageWindow,
  ): Promise<{ rows: T[]; total: number }> {
    const n = params.length;
    const rows: (T & { total: string | null })[] = await this.dataSource.query(
      `WITH matched AS (${select}), counted AS (SELECT count(*) AS "total" FROM matched)
       SELECT counted."total", page.* FROM counted
         LEFT JOIN LATERAL (SELECT * FROM matched ORDER BY ${order} LIMIT $${n + 1} OFFSET $${n + 2}) page ON true
       ORDER BY ${order}`,
      [...params, window.limit, (window.page - 1) * window.limit],
    );
    const total = Number(rows[0]?.total ?? 0);
    return {
      rows: rows.filter((r) => (r as { id?: unknown }).id != null).map(({ total: _, ...row }) => row as T),
      total,
    };
  }
}
