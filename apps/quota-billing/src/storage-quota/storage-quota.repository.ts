import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { ApiKeyEntity } from '../api-keys/api-key.entity';
import { QuotaState } from './quota-arithmetic';

/** A key's quota row as stored: `limit` null means the deployment default applies. */
export interface QuotaRow {
  limit: number | null;
  used: number;
  reserved: number;
  fileCount: number;
}

interface RawQuotaRow {
  limit_bytes: string | null;
  used_bytes: string;
  reserved_bytes: string;
  file_count: string;
}

/**
 * SQL of the storage quota. Every change runs in a transaction that first locks the key's quota
 * row, so concurrent uploads of one key are serialised there and checks see the latest totals;
 * the lock order (quota row, then reservations and objects) is the same everywhere.
 */
@Injectable()
export class StorageQuotaRepository {
  private readonly schema: string;

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {
    this.schema = `"${dataSource.getMetadata(ApiKeyEntity).schema ?? 'public'}"`;
  }

  private table(name: 'storage_quotas' | 'storage_reservations' | 'storage_objects' | 'api_keys'): string {
    return `${this.schema}."${name}"`;
  }

  transaction<T>(work: (m: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  /** Creates the key's quota row if absent (the key must exist in the team). */
  async ensureRow(m: EntityManager, teamId: string, keyId: string): Promise<void> {
    await m.query(
      `INSERT INTO ${this.table('storage_quotas')} ("key_id", "team_id")
       SELECT "id", "team_id" FROM ${this.table('api_keys')} WHERE "id" = $1 AND "team_id" = $2
       ON CONFLICT ("key_id") DO NOTHING`,
      [keyId, teamId],
    );
  }

  /** The key's quota row, locked until the transaction ends; null when the key has none. */
  async lock(m: EntityManager, teamId: string, keyId: string): Promise<QuotaRow | null> {
    const rows: RawQuotaRow[] = await m.query(
      `SELECT "limit_bytes", "used_bytes", "reserved_bytes", "file_count" FROM ${this.table('storage_quotas')}
        WHERE "key_id" = $1 AND "team_id" = $2 FOR UPDATE`,
      [keyId, teamId],
    );
    return rows[0] ? toRow(rows[0]) : null;
  }

  async read(teamId: string, keyId: string): Promise<QuotaRow | null> {
    const rows: RawQuotaRow[] = await this.dataSource.query(
      `SELECT "limit_bytes", "used_bytes", "reserved_bytes", "file_count" FROM ${this.table('storage_quotas')} WHERE "key_id" = $1 AND "team_id" = $2`,
      [keyId, teamId],
    );
    return rows[0] ? toRow(rows[0]) : null;
  }

  async writeState(m: EntityManager, keyId: string, state: QuotaState): Promise<void> {
    await m.query(
      `UPDATE ${this.table('storage_quotas')} SET "used_bytes" = $2, "reserved_bytes" = $3, "file_count" = $4, "updated_at" = now() WHERE "key_id" = $1`,
      [keyId, state.used, state.reserved, state.fileCount],
    );
  }

  async setLimit(m: EntityManager, keyId: string, limit: number | null): Promise<void> {
    await m.query(
      `UPDATE ${this.table('storage_quotas')} SET "limit_bytes" = $2, "updated_at" = now() WHERE "key_id" = $1`,
      [keyId, limit],
    );
  }

  /** Deletes the key's lapsed reservations; the bytes they held. */
  async deleteExpiredReservations(m: EntityManager, keyId: string): Promise<number> {
    const rows = deletedRows<{ bytes: string }>(
      await m.query(
        `DELETE FROM ${this.table('storage_reservations')} WHERE "key_id" = $1 AND "expires_at" < now() RETURNING "bytes"`,
        [keyId],
      ),
    );
    return rows.reduce((sum, r) => sum + Number(r.bytes), 0);
  }

  async insertReservation(m: EntityManager, keyId: string, bytes: number, ttlSeconds: number): Promise<string> {
    const rows: { id: string }[] = await m.query(
      `INSERT INTO ${this.table('storage_reservations')} ("key_id", "bytes", "expires_at") VALUES ($1, $2, now() + make_interval(secs => $3)) RETURNING "id"`,
      [keyId, bytes, ttlSeconds],
    );
    return rows[0].id;
  }

  /** The reservation's bytes (locked); null when it lapsed or was never this key's. */
  async lockReservation(m: EntityManager, keyId: string, reservationId: string): Promise<number | null> {
    const rows: { bytes: string }[] = await m.query(
      `SELECT "bytes" FROM ${this.table('storage_reservations')} WHERE "id" = $1 AND "key_id" = $2 FOR UPDATE`,
      [reservationId, keyId],
    );
    return rows[0] ? Number(rows[0].bytes) : null;
  }

  async growReservation(m: EntityManager, reservationId: string, bytes: number, ttlSeconds: number): Promise<void> {
    await m.query(
      `UPDATE ${this.table('storage_reservations')} SET "bytes" = "bytes" + $2, "expires_at" = now() + make_interval(secs => $3) WHERE "id" = $1`,
      [reservationId, bytes, ttlSeconds],
    );
  }

  /** Deletes the reservation; the bytes it held, or null when it was gone already. */
  async deleteReservation(m: EntityManager, keyId: string, reservationId: string): Promise<number | null> {
    const rows = deletedRows<{ bytes: string }>(
      await m.query(
        `DELETE FROM ${this.table('storage_reservations')} WHERE "id" = $1 AND "key_id" = $2 RETURNING "bytes"`,
        [reservationId, keyId],
      ),
    );
    return rows[0] ? Number(rows[0].bytes) : null;
  }

  /** The recorded size of the key's object (locked); null when none is recorded. */
  async lockObject(m: EntityManager, keyId: string, objectKey: string): Promise<number | null> {
    const rows: { size: string }[] = await m.query(
      `SELECT "size" FROM ${this.table('storage_objects')} WHERE "key_id" = $1 AND "object_key" = $2 FOR UPDATE`,
      [keyId, objectKey],
    );
    return rows[0] ? Number(rows[0].size) : null;
  }

  async upsertObject(m: EntityManager, keyId: string, objectKey: string, size: number): Promise<void> {
    await m.query(
      `INSERT INTO ${this.table('storage_objects')} ("key_id", "object_key", "size") VALUES ($1, $2, $3)
       ON CONFLICT ("key_id", "object_key") DO UPDATE SET "size" = EXCLUDED."size", "updated_at" = now()`,
      [keyId, objectKey, size],
    );
  }

  async deleteObject(m: EntityManager, keyId: string, objectKey: string): Promise<void> {
    await m.query(`DELETE FROM ${this.table('storage_objects')} WHERE "key_id" = $1 AND "object_key" = $2`, [
      keyId,
      objectKey,
    ]);
  }

  /** The kind of the team's key, null when the team has no such key. */
  async keyKind(teamId: string, keyId: string): Promise<string | null> {
    const rows: { kind: string }[] = await this.dataSource.query(
      `SELECT "kind" FROM ${this.table('api_keys')} WHERE "id" = $1 AND "team_id" = $2`,
      [keyId, teamId],
    );
    return rows[0]?.kind ?? null;
  }
}

/** TypeORM answers a Postgres DELETE … RETURNING with `[rows, rowCount]`. */
function deletedRows<T>(result: unknown): T[] {
  return (Array.isArray(result) && Array.isArray(result[0]) ? result[0] : result) as T[];
}

function toRow(raw: RawQuotaRow): QuotaRow {
  return {
    limit: raw.limit_bytes === null ? null : Number(raw.limit_bytes),
    used: Number(raw.used_bytes),
    reserved: Number(raw.reserved_bytes),
    fileCount: Number(raw.file_count),
  };
}
