import { Injectable } from '@nestjs/common';
import { ImageJobStep } from '@mp/contracts';
import { DataSource, EntityManager } from 'typeorm';
import { ImageScope } from '../tree/image-scope';

export interface OperationRow {
  operation_id: string;
  description: string;
  realtime_service: boolean;
  steps: ImageJobStep[];
  updated_at: Date;
}

const T = '"imageops"."operations"';

@Injectable()
export class OperationRepository {
  constructor(private readonly db: DataSource) {}

  async upsert(scope: ImageScope, op: Omit<OperationRow, 'updated_at'>): Promise<OperationRow> {
    const rows = await this.db.query(
      `INSERT INTO ${T} ("team_id", "app_key", "operation_id", "description", "realtime_service", "steps") VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT ("team_id", "app_key", "operation_id") DO UPDATE SET "description" = EXCLUDED."description", "realtime_service" = EXCLUDED."realtime_service",
         "steps" = EXCLUDED."steps", "updated_at" = now()
       RETURNING "operation_id", "description", "realtime_service", "steps", "updated_at"`,
      [scope.team_id, scope.app_key, op.operation_id, op.description, op.realtime_service, JSON.stringify(op.steps)],
    );
    return rows[0];
  }

  async find(scope: ImageScope, operationId: string, m: EntityManager = this.db.manager): Promise<OperationRow | null> {
    const rows = await m.query(
      `SELECT "operation_id", "description", "realtime_service", "steps", "updated_at" FROM ${T} WHERE "team_id" = $1 AND "app_key" = $2 AND "operation_id" = $3`,
      [scope.team_id, scope.app_key, operationId],
    );
    return rows[0] ?? null;
  }

  async list(
    scope: ImageScope,
    o: { prefix?: string; sort: string; offset: number; limit: number },
  ): Promise<{ rows: OperationRow[]; total: number }> {
    const params: unknown[] = [scope.team_id, scope.app_key];
    let where = `"team_id" = $1 AND "app_key" = $2`;
    if (o.prefix)
      where += ` AND "operation_id" LIKE $${params.push(`${o.prefix.replace(/[\\%_]/g, (c) => `\\${c}`)}%`)}`;
    const [field, dir] = o.sort.split(':');
    const order = `${field === 'name' ? '"operation_id"' : '"updated_at"'} ${dir === 'desc' ? 'DESC' : 'ASC'}, "operation_id" ASC`;
    const [{ count }] = await this.db.query(`SELECT count(*)::int AS count FROM ${T} WHERE ${where}`, params);
    const rows = await this.db.query(
      `SELECT "operation_id", "description", "realtime_service", "steps", "updated_at" FROM ${T} WHERE ${where} ORDER BY ${order} OFFSET ${o.offset} LIMIT ${o.limit}`,
      params,
    );
    return { rows, total: count };
  }

  async delete(scope: ImageScope, operationId: string): Promise<boolean> {
    const [, count] = await this.db.query(
      `DELETE FROM ${T} WHERE "team_id" = $1 AND "app_key" = $2 AND "operation_id" = $3`,
      [scope.team_id, scope.app_key, operationId],
    );
    return count > 0;
  }
}
