import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { ObjectEncryption } from '@mp/contracts';
import { visibleObject } from './visible-object.sql';

export interface ObjectRow {
  name: string;
  storage_key: string;
  bytes: number;
  hash: string;
  content_type: string;
  metadata: Record<string, string>;
  last_modified: Date;
  delete_at: Date | null;
  manifest: string | null;
  slo: boolean;
  encryption: ObjectEncryption | null;
}

/** An object to store: its row but for `last_modified`, which the write sets. */
export interface NewObject extends Omit<ObjectRow, 'last_modified'> {
  bucket_id: string;
}

/** An object as a listing shows it; `last_modified` is ISO 8601 (made by the database, not parsed). */
export interface ListedRow {
  name: string;
  hash: string;
  bytes: number;
  content_type: string;
  last_modified: string;
}

/** One index range of a container, in byte order of names (descending when `reverse`). */
export interface ObjectRange {
  prefix?: string;
  /** Exclusive bounds in listing order. */
  after?: string;
  before?: string;
  reverse: boolean;
  limit: number;
}

type RawObjectRow = Omit<ObjectRow, 'bytes'> & { bytes: string };
const toRow = (raw: RawObjectRow): ObjectRow => ({ ...raw, bytes: Number(raw.bytes) });
/** `s` matched literally by LIKE (backslash is LIKE's default escape). */
const likeLiteral = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);
const LISTED_COLUMNS = `o."name", o."hash", o."bytes", o."content_type",
  to_char(o."last_modified" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "last_modified"`;
const COLUMNS = `o."name", o."storage_key", o."bytes", o."hash", o."content_type", o."metadata", o."last_modified", o."delete_at", o."manifest", o."slo", o."encryption"`;

/** SQL of the `objects` table. Rows past their expiry are treated as absent everywhere. */
@Injectable()
export class ObjectRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async find(bucketId: string, name: string, now: Date): Promise<ObjectRow | null> {
    const rows = (await this.dataSource.query(
      `SELECT ${COLUMNS} FROM "buckets"."objects" o
        WHERE o."bucket_id" = $2 AND o."name" = $3 AND ${visibleObject(1)}`,
      [now, bucketId, name],
    )) as RawObjectRow[];
    return rows[0] ? toRow(rows[0]) : null;
  }

  /**
   * Records the object (replacing a previous version), unless `ifNoneMatch` and a visible one
   * exists. Returns the storage key of the version it replaced, visible or not.
   */
  async upsert(object: NewObject, ifNoneMatch: boolean, now: Date): Promise<{ replaced: string | null } | 'exists'> {
    return this.dataSource.transaction(async (m) => {
      const existing = (await m.query(
        `SELECT o."storage_key", (${visibleObject(1)}) AS "visible" FROM "buckets"."objects" o
          WHERE o."bucket_id" = $2 AND o."name" = $3 FOR UPDATE`,
        [now, object.bucket_id, object.name],
      )) as Array<{ storage_key: string; visible: boolean }>;
      if (ifNoneMatch && existing[0]?.visible) return 'exists';
      await m.query(
        `INSERT INTO "buckets"."objects"
           ("bucket_id", "name", "storage_key", "bytes", "hash", "content_type", "metadata", "last_modified", "delete_at", "manifest", "slo", "encryption")
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
         ON CONFLICT ("bucket_id", "name") DO UPDATE SET
           "storage_key" = EXCLUDED."storage_key", "bytes" = EXCLUDED."bytes", "hash" = EXCLUDED."hash",
           "content_type" = EXCLUDED."content_type", "metadata" = EXCLUDED."metadata",
           "last_modified" = EXCLUDED."last_modified", "delete_at" = EXCLUDED."delete_at",
           "manifest" = EXCLUDED."manifest", "slo" = EXCLUDED."slo", "encryption" = EXCLUDED."encryption"`,
        [
          object.bucket_id,
          object.name,
          object.storage_key,
          object.bytes,
          object.hash,
          object.content_type,
          object.metadata,
          now,
          object.delete_at,
          object.manifest,
          object.slo,
          object.encryption,
        ],
      );
      return { replaced: existing[0]?.storage_key ?? null };
    });
  }

  /** Replaces the metadata (and optionally the type and expiry) of a visible object. */
  async updateMetadata(
    bucketId: string,
    name: string,
    change: { metadata: Record<string, string>; content_type?: string; delete_at?: Date | null },
    now: Date,
  ): Promise<ObjectRow | null> {
    const rows = (await this.dataSource.query(
      `UPDATE "buckets"."objects" o SET "metadata" = $4,
              "content_type" = coalesce($5, o."content_type"),
              "delete_at" = CASE WHEN $6 THEN $7::timestamptz ELSE o."delete_at" END
        WHERE o."bucket_id" = $2 AND o."name" = $3 AND ${visibleObject(1)}
        RETURNING ${COLUMNS}`,
      [
        now,
        bucketId,
        name,
        change.metadata,
        change.content_type ?? null,
        change.delete_at !== undefined,
        change.delete_at ?? null,
      ],
    )) as [RawObjectRow[], number];
    return rows[0][0] ? toRow(rows[0][0]) : null;
  }

  /** Deletes the row; `absent` when no visible object has that name (an invisible one is still removed). */
  async delete(bucketId: string, name: string, now: Date): Promise<{ storage_key: string } | 'absent'> {
    const rows = (await this.dataSource.query(
      `DELETE FROM "buckets"."objects" o WHERE o."bucket_id" = $2 AND o."name" = $3
        RETURNING o."storage_key", (${visibleObject(1)}) AS "visible"`,
      [now, bucketId, name],
    )) as [Array<{ storage_key: string; visible: boolean }>, number];
    const row = rows[0][0];
    if (!row) return 'absent';
    return row.visible ? { storage_key: row.storage_key } : 'absent';
  }

  /** Up to `limit` visible objects of one index range, with only what a listing shows. */
  async range(bucketId: string, range: ObjectRange, now: Date): Promise<ListedRow[]> {
    const params: unknown[] = [now, bucketId];
    const clauses = [`o."bucket_id" = $2`, visibleObject(1)];
    const add = (sql: (p: string) => string, value: unknown) => {
      params.push(value);
      clauses.push(sql(`$${params.length}`));
    };
    // LIKE on a "C"-collated key is an index range (planned with the value: unnamed statements).
    if (range.prefix) add((p) => `o."name" LIKE ${p}`, `${likeLiteral(range.prefix)}%`);
    if (range.after !== undefined) add((p) => `o."name" ${range.reverse ? '<' : '>'} ${p}`, range.after);
    if (range.before !== undefined) add((p) => `o."name" ${range.reverse ? '>' : '<'} ${p}`, range.before);
    params.push(range.limit);
    const rows = (await this.dataSource.query(
      `SELECT ${LISTED_COLUMNS} FROM "buckets"."objects" o WHERE ${clauses.join(' AND ')}
        ORDER BY o."name" ${range.reverse ? 'DESC' : 'ASC'} LIMIT $${params.length}`,
      params,
    )) as Array<Omit<ListedRow, 'bytes'> & { bytes: string }>;
    return rows.map((r) => ({ ...r, bytes: Number(r.bytes) }));
  }
}
