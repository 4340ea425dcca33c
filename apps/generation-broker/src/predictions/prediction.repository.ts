import { Injectable } from '@nestjs/common';
import {
  GenerationReferenceInput,
  PredictionStatus,
  PredictionWebhookEvent,
  StoredGenerationImage,
} from '@mp/contracts';
import { DataSource, EntityManager } from 'typeorm';

export interface PredictionRow {
  id: string;
  team_id: string;
  key_id: string;
  model: string;
  input: Record<string, unknown>;
  references: GenerationReferenceInput[];
  status: PredictionStatus;
  /** The stored output images of a completed prediction. */
  result: StoredGenerationImage[] | null;
  error: string | null;
  webhook: string | null;
  webhook_events_filter: PredictionWebhookEvent[];
  start_delivery_id: string;
  completed_delivery_id: string;
  created_at: Date;
  started_at: Date | null;
  completed_at: Date | null;
}

export type NewPrediction = Pick<
  PredictionRow,
  'id' | 'team_id' | 'key_id' | 'model' | 'input' | 'references' | 'webhook' | 'webhook_events_filter'
>;

const T = '"generation"."predictions"';

/** The predictions table; every status change is conditional on the status it leaves, so no transition happens twice. */
@Injectable()
export class PredictionRepository {
  constructor(private readonly db: DataSource) {}

  async insert(p: NewPrediction): Promise<PredictionRow> {
    const rows: PredictionRow[] = await this.db.query(
      `INSERT INTO ${T} ("id", "team_id", "key_id", "model", "input", "references", "webhook", "webhook_events_filter")
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING *`,
      [
        p.id,
        p.team_id,
        p.key_id,
        p.model,
        JSON.stringify(p.input),
        JSON.stringify(p.references),
        p.webhook,
        p.webhook_events_filter,
      ],
    );
    return rows[0];
  }

  async find(id: string, m: EntityManager = this.db.manager): Promise<PredictionRow | null> {
    const rows: PredictionRow[] = await m.query(`SELECT * FROM ${T} WHERE "id" = $1`, [id]);
    return rows[0] ?? null;
  }

  async findOfTeam(teamId: string, id: string): Promise<PredictionRow | null> {
    const rows: PredictionRow[] = await this.db.query(`SELECT * FROM ${T} WHERE "id" = $1 AND "team_id" = $2`, [
      id,
      teamId,
    ]);
    return rows[0] ?? null;
  }

  /** 1 + the queued predictions created before this one (all teams: they share the workers). */
  async queuePosition(row: Pick<PredictionRow, 'id' | 'created_at'>): Promise<number> {
    const rows: Array<{ ahead: string }> = await this.db.query(
      `SELECT count(*) AS "ahead" FROM ${T} WHERE "status" = 'queued' AND ("created_at", "id") < ($1, $2)`,
      [row.created_at, row.id],
    );
    return Number(rows[0].ahead) + 1;
  }

  /** queued → processing; null when the prediction is no longer queued. */
  start(m: EntityManager, id: string): Promise<PredictionRow | null> {
    return this.transition(m, {
      id,
      from: ['queued'],
      set: `"status" = 'processing', "started_at" = clock_timestamp()`,
    });
  }

  complete(m: EntityManager, id: string, images: StoredGenerationImage[]): Promise<PredictionRow | null> {
    return this.transition(m, {
      id,
      from: ['processing'],
      set: `"status" = 'completed', "result" = $4`,
      value: JSON.stringify(images),
      finishes: true,
    });
  }

  fail(m: EntityManager, id: string, error: string): Promise<PredictionRow | null> {
    return this.transition(m, {
      id,
      from: ['processing'],
      set: `"status" = 'failed', "error" = $4`,
      value: error,
      finishes: true,
    });
  }

  /** queued/processing → canceled for the team's prediction; null when it is not the team's or already finished. */
  cancel(m: EntityManager, teamId: string, id: string): Promise<PredictionRow | null> {
    return this.transition(m, {
      id,
      teamId,
      from: ['queued', 'processing'],
      set: `"status" = 'canceled', "error" = $4`,
      value: 'The prediction was canceled',
      finishes: true,
    });
  }

  /** `set` may use `$4` for `value`; `$1` is the id, `$2` the statuses left, `$3` the team (any when null). */
  private async transition(
    m: EntityManager,
    t: { id: string; from: PredictionStatus[]; set: string; value?: unknown; teamId?: string; finishes?: boolean },
  ): Promise<PredictionRow | null> {
    const finished = t.finishes ? `, "completed_at" = clock_timestamp()` : '';
    const result: [PredictionRow[], number] = await m.query(
      `UPDATE ${T} SET ${t.set}${finished}, "updated_at" = clock_timestamp()
       WHERE "id" = $1 AND "status" = ANY($2) AND ($3::uuid IS NULL OR "team_id" = $3) RETURNING *`,
      [t.id, t.from, t.teamId ?? null, ...(t.value === undefined ? [] : [t.value])],
    );
    return result[0][0] ?? null;
  }
}
