import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { BulkUploadStatus, SkuResult } from '@mp/contracts';
import { DataSource, EntityManager } from 'typeorm';

export interface BulkUploadTaskRow {
  id: string;
  team_id: string;
  owner_id: string;
  filename: string;
  object_key: string;
  status: BulkUploadStatus;
  caption_products: boolean;
  skip_existing_skus: boolean;
  shooting_id: string | null;
  total_products: number;
  processed_products: number;
  successful_products: number;
  failed_products: number;
  skipped_products: number;
  results: Record<string, SkuResult>;
  error_message: string | null;
  created_at: Date;
  updated_at: Date;
  completed_at: Date | null;
}

export type NewBulkUploadTask = Pick<
  BulkUploadTaskRow,
  'id' | 'team_id' | 'owner_id' | 'filename' | 'object_key' | 'caption_products' | 'skip_existing_skus' | 'shooting_id'
>;

/** Which counter a finished SKU moves. */
export type SkuOutcome = 'COMPLETED' | 'FAILED' | 'SKIPPED';
const COUNTER: Record<SkuOutcome, string> = {
  COMPLETED: 'successful_products',
  FAILED: 'failed_products',
  SKIPPED: 'skipped_products',
};

@Injectable()
export class BulkUploadRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Creates the task; the same id twice (a retried request) returns the first. */
  async insert(task: NewBulkUploadTask): Promise<BulkUploadTaskRow> {
    await this.dataSource.query(
      `INSERT INTO files.bulk_upload_tasks (id, team_id, owner_id, filename, object_key, caption_products, skip_existing_skus, shooting_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (id) DO NOTHING`,
      [
        task.id,
        task.team_id,
        task.owner_id,
        task.filename,
        task.object_key,
        task.caption_products,
        task.skip_existing_skus,
        task.shooting_id,
      ],
    );
    return (await this.get(task.id))!;
  }

  async get(id: string): Promise<BulkUploadTaskRow | null> {
    const rows: BulkUploadTaskRow[] = await this.dataSource.query(
      'SELECT * FROM files.bulk_upload_tasks WHERE id = $1',
      [id],
    );
    return rows[0] ?? null;
  }

  async findOwned(teamId: string, ownerId: string, id: string): Promise<BulkUploadTaskRow | null> {
    const rows: BulkUploadTaskRow[] = await this.dataSource.query(
      'SELECT * FROM files.bulk_upload_tasks WHERE id = $1 AND team_id = $2 AND owner_id = $3',
      [id, teamId, ownerId],
    );
    return rows[0] ?? null;
  }

  list(
    teamId: string,
    ownerId: string,
    filter: { status?: BulkUploadStatus; skip: number; limit: number },
  ): Promise<BulkUploadTaskRow[]> {
    return this.dataSource.query(
      `SELECT * FROM files.bulk_upload_tasks WHERE team_id = $1 AND owner_id = $2 AND ($3::text IS NULL OR status = $3)
       ORDER BY created_at DESC, id DESC OFFSET $4 LIMIT $5`,
      [teamId, ownerId, filter.status ?? null, filter.skip, filter.limit],
    );
  }

  /** PROCESSING, with every row's entry in `results` (entries from an earlier run are kept). */
  async start(id: string, total: number, pending: Record<string, SkuResult>): Promise<void> {
    await this.dataSource.query(
      `UPDATE files.bulk_upload_tasks SET status = 'PROCESSING', total_products = $2, results = $3::jsonb || results, updated_at = now() WHERE id = $1`,
      [id, total, JSON.stringify(pending)],
    );
  }

  async setResult(
    id: string,
    key: string,
    result: SkuResult,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<void> {
    await manager.query(
      `UPDATE files.bulk_upload_tasks SET results = jsonb_set(results, ARRAY[$2::text], $3::jsonb), updated_at = now() WHERE id = $1`,
      [id, key, JSON.stringify(result)],
    );
  }

  /** A SKU's final result and the counters, together: a re-run never counts a SKU twice. */
  async finishSku(
    id: string,
    key: string,
    result: SkuResult & { status: SkuOutcome },
    manager: EntityManager = this.dataSource.manager,
  ): Promise<void> {
    const counter = COUNTER[result.status];
    await manager.query(
      `UPDATE files.bulk_upload_tasks SET results = jsonb_set(results, ARRAY[$2::text], $3::jsonb),
         processed_products = processed_products + 1, ${counter} = ${counter} + 1, updated_at = now()
       WHERE id = $1 AND COALESCE(results -> $2::text ->> 'status', 'PENDING') NOT IN ('COMPLETED', 'FAILED', 'SKIPPED')`,
      [id, key, JSON.stringify(result)],
    );
  }

  async complete(id: string): Promise<void> {
    await this.dataSource.query(
      `UPDATE files.bulk_upload_tasks SET status = 'COMPLETED', completed_at = now(), updated_at = now() WHERE id = $1 AND status = 'PROCESSING'`,
      [id],
    );
  }

  async fail(id: string, message: string): Promise<void> {
    await this.dataSource.query(
      `UPDATE files.bulk_upload_tasks SET status = 'FAILED', error_message = $2, completed_at = now(), updated_at = now() WHERE id = $1`,
      [id, message],
    );
  }
}
