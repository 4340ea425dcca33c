import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { aiImageTables, returnedRows } from './ai-image-tables';

export interface ReserveInput {
  teamId: string;
  keyId: string;
  requestId: string;
  images: number;
  defaultQuota: number;
  ttlSeconds: number;
}

export type ReserveOutcome =
  { kind: 'reserved'; images: number } | { kind: 'replayed'; images: number } | { kind: 'refused' };

export interface Reservation {
  images: number;
  state: 'held' | 'lapsed' | 'settled';
  delivered: number | null;
}

/** Thrown inside the reserve transaction to roll its reservation row back. */
class Refused extends Error {}

/**
 * SQL of the AI Image quota. The admission is one conditional UPDATE of the key's counters
 * (`used + reserved + images <= limit`, active, not expired): concurrent reservations queue on that
 * row and each re-checks the condition against the totals the previous one committed. Lock order
 * everywhere: reservation rows, then the profile row.
 */
@Injectable()
export class ImageQuotaRepository {
  private readonly table;

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {
    this.table = aiImageTables(dataSource);
  }

  /** Gives back the images of the key's reservations nobody settled in time (a gateway that crashed). */
  async releaseLapsed(keyId: string, m: EntityManager = this.dataSource.manager): Promise<void> {
    await m.query(
      `WITH lapsed AS (
         UPDATE ${this.table('ai_image_reservations')} SET "state" = 'lapsed'
          WHERE "key_id" = $1 AND "state" = 'held' AND "expires_at" < now() RETURNING "images"
       )
       UPDATE ${this.table('ai_image_profiles')}
          SET "reserved_count" = GREATEST("reserved_count" - (SELECT SUM("images") FROM lapsed), 0), "updated_at" = now()
        WHERE "key_id" = $1 AND EXISTS (SELECT 1 FROM lapsed)`,
      [keyId],
    );
  }

  /**
   * Holds `images` for the request if they fit. The reservation row (unique per key and request id)
   * makes a retried call a replay, also when two copies race: the second waits on the first's row.
   */
  async reserve(input: ReserveInput): Promise<ReserveOutcome> {
    try {
      return await this.dataSource.transaction(async (m) => {
        await this.releaseLapsed(input.keyId, m);
        const inserted: { images: number }[] = await m.query(
          `INSERT INTO ${this.table('ai_image_reservations')} ("key_id", "request_id", "images", "expires_at")
           SELECT "key_id", $2, $3, now() + make_interval(secs => $4) FROM ${this.table('ai_image_profiles')}
            WHERE "key_id" = $1 AND "team_id" = $5
           ON CONFLICT ("key_id", "request_id") DO NOTHING RETURNING "images"`,
          [input.keyId, input.requestId, input.images, input.ttlSeconds, input.teamId],
        );
        if (inserted.length === 0) {
          const existing = await this.find(input.keyId, input.requestId, m);
          if (!existing) throw new Refused();
          return { kind: 'replayed', images: existing.images } as const;
        }
        const admitted = returnedRows<{ key_id: string }>(
          await m.query(
            `UPDATE ${this.table('ai_image_profiles')} SET "reserved_count" = "reserved_count" + $2, "updated_at" = now()
              WHERE "key_id" = $1 AND "status" = 'active' AND ("expires_at" IS NULL OR "expires_at" > now())
                AND "used_count" + "reserved_count" + $2 <= COALESCE("quota_limit", $3)
              RETURNING "key_id"`,
            [input.keyId, input.images, input.defaultQuota],
          ),
        );
        if (admitted.length === 0) throw new Refused();
        return { kind: 'reserved', images: input.images } as const;
      });
    } catch (err) {
      if (err instanceof Refused) return { kind: 'refused' };
      throw err;
    }
  }

  async find(
    keyId: string,
    requestId: string,
    m: EntityManager = this.dataSource.manager,
  ): Promise<Reservation | null> {
    const rows: Reservation[] = await m.query(
      `SELECT "images", "state", "delivered" FROM ${this.table('ai_image_reservations')} WHERE "key_id" = $1 AND "request_id" = $2`,
      [keyId, requestId],
    );
    return rows[0] ?? null;
  }

  /**
   * Turns the reservation into `billed` used images and gives the rest back; a lapsed one already
   * gave its images back, so only the delivered ones are charged. Null when the team's key has no
   * such reservation; the stored settlement when it was settled before (nothing changes).
   */
  settle(
    teamId: string,
    keyId: string,
    requestId: string,
    delivered: number,
  ): Promise<{ before: Reservation; billed: number } | null> {
    return this.dataSource.transaction(async (m) => {
      const rows: Reservation[] = await m.query(
        `SELECT r."images", r."state", r."delivered" FROM ${this.table('ai_image_reservations')} r
           JOIN ${this.table('ai_image_profiles')} p ON p."key_id" = r."key_id" AND p."team_id" = $3
          WHERE r."key_id" = $1 AND r."request_id" = $2 FOR UPDATE OF r`,
        [keyId, requestId, teamId],
      );
      const before = rows[0];
      if (!before) return null;
      if (before.state === 'settled') return { before, billed: before.delivered ?? 0 };
      const billed = Math.min(delivered, before.images);
      const released = before.state === 'held' ? before.images : 0;
      await m.query(
        `UPDATE ${this.table('ai_image_profiles')}
            SET "reserved_count" = GREATEST("reserved_count" - $2, 0), "used_count" = "used_count" + $3, "updated_at" = now()
          WHERE "key_id" = $1`,
        [keyId, released, billed],
      );
      await m.query(
        `UPDATE ${this.table('ai_image_reservations')} SET "state" = 'settled', "delivered" = $3, "settled_at" = now()
          WHERE "key_id" = $1 AND "request_id" = $2`,
        [keyId, requestId, billed],
      );
      return { before, billed };
    });
  }
}
