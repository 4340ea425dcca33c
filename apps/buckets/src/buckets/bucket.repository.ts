import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { BucketAcl, CorsRule, ListBucketsQuery } from '@mp/contracts';
import { DataSource } from 'typeorm';
import { isUniqueViolation } from '../database/query-errors';
import { invisibleTotals, latestVisibleChange } from '../objects/invisible-totals.sql';
import { visibleObject } from '../objects/visible-object.sql';
import { BucketRow, RawBucketRow, toBucketRow } from './bucket.row';

const SORT_COLUMNS: Record<ListBucketsQuery['by'], string> = {
  bucket_name: 'b."name"',
  bucket_type: 'b."type"',
  created_at: 'b."created_at"',
  bytes_used: '"bytes"',
};

export interface NewBucket {
  team_id: string;
  name: string;
  type: 'hot' | 'cold';
  use_encryption: boolean;
  owner_id: string | null;
  metadata: Record<string, string>;
}

export interface BucketAccessRow {
  owner_id: string | null;
  acl: BucketAcl | null;
  cors: CorsRule[];
  metadata: Record<string, string>;
}

export interface BucketFilter {
  prefix?: string;
  include?: string;
  type?: 'hot' | 'cold';
  /** Swift's markers: names strictly after `marker` and before `end_marker` (byte order). */
  marker?: string;
  end_marker?: string;
  /** Only buckets this user may read: no per-user roles, owned by them, or granted to them. */
  viewer?: string | null;
}

/** SQL of the `buckets` table; totals are the kept ones less the objects already invisible at `now`. */
@Injectable()
export class BucketRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The new bucket, or `exists` when the team already has one of that name. */
  async insert(bucket: NewBucket): Promise<'created' | 'exists'> {
    try {
      await this.dataSource.query(
        `INSERT INTO "buckets"."buckets" ("team_id", "name", "type", "use_encryption", "owner_id", "metadata")
         VALUES ($1, $2, $3, $4, $5, $6)`,
        [bucket.team_id, bucket.name, bucket.type, bucket.use_encryption, bucket.owner_id, bucket.metadata],
      );
      return 'created';
    } catch (err) {
      if (isUniqueViolation(err)) return 'exists';
      throw err;
    }
  }

  async find(teamId: string, name: string, now: Date): Promise<BucketRow | null> {
    const rows = await this.select(`b."team_id" = $2 AND b."name" = $3`, [teamId, name], now, 'b."name"', 1, 0);
    return rows[0] ?? null;
  }

  /** The bucket's id without its totals, for object operations (no aggregate over its objects). */
  async findId(teamId: string, name: string): Promise<string | null> {
    return (await this.findRef(teamId, name))?.id ?? null;
  }

  /** The bucket's id and encryption flag, without its totals. */
  async findRef(teamId: string, name: string): Promise<{ id: string; use_encryption: boolean } | null> {
    const rows = (await this.dataSource.query(
      `SELECT "id", "use_encryption" FROM "buckets"."buckets" WHERE "team_id" = $1 AND "name" = $2`,
      [teamId, name],
    )) as Array<{ id: string; use_encryption: boolean }>;
    return rows[0] ?? null;
  }

  /** The bucket's ACL, CORS rules and metadata without its totals; undefined when there is no such bucket. */
  async findAccess(teamId: string, name: string): Promise<BucketAccessRow | undefined> {
    const rows = (await this.dataSource.query(
      `SELECT "owner_id", "acl", "cors", "metadata" FROM "buckets"."buckets" WHERE "team_id" = $1 AND "name" = $2`,
      [teamId, name],
    )) as BucketAccessRow[];
    return rows[0];
  }

  /** One page of the team's buckets and how many match in all. */
  async page(
    teamId: string,
    filter: BucketFilter,
    order: { by: ListBucketsQuery['by']; direct: 'asc' | 'desc' },
    limit: number,
    offset: number,
    now: Date,
  ): Promise<{ total: number; rows: BucketRow[] }> {
    const counted = this.filterSql(teamId, filter, 1);
    const [{ total }] = (await this.dataSource.query(
      `SELECT count(*)::int AS "total" FROM "buckets"."buckets" b WHERE ${counted.where}`,
      counted.params,
    )) as Array<{ total: number }>;
    const direction = order.direct === 'desc' ? 'DESC' : 'ASC';
    const { where, params } = this.filterSql(teamId, filter, 2);
    const rows = await this.select(
      where,
      params,
      now,
      `${SORT_COLUMNS[order.by]} ${direction}, b."name" ${direction}`,
      limit,
      offset,
    );
    return { total, rows };
  }

  /** Totals of the team's visible objects over every bucket (kept totals less the not yet swept), and its bucket count. */
  async accountTotals(teamId: string, now: Date): Promise<{ containers: number; objects: number; bytes: number }> {
    const [row] = (await this.dataSource.query(
      `SELECT count(*)::int AS "containers", coalesce(sum(b."total_objects" - i."n"), 0)::bigint AS "objects",
              coalesce(sum(b."total_bytes" - i."bytes"), 0)::bigint AS "bytes"
         FROM "buckets"."buckets" b CROSS JOIN LATERAL ${invisibleTotals(2)} i
        WHERE b."team_id" = $1`,
      [teamId, now],
    )) as Array<{ containers: number; objects: string; bytes: string }>;
    return { containers: row.containers, objects: Number(row.objects), bytes: Number(row.bytes) };
  }

  /** Swift's account listing: by name, after `marker`, before `end_marker`, optionally reversed. */
  async listByName(
    teamId: string,
    filter: BucketFilter,
    limit: number,
    reverse: boolean,
    now: Date,
  ): Promise<BucketRow[]> {
    const { where, params } = this.filterSql(teamId, filter, 2, reverse);
    return this.select(where, params, now, `b."name" ${reverse ? 'DESC' : 'ASC'}`, limit, 0);
  }

  async setAcl(teamId: string, name: string, acl: BucketAcl | null): Promise<boolean> {
    return this.update(teamId, name, `"acl" = $3`, [acl]);
  }

  async setOwner(teamId: string, name: string, ownerId: string): Promise<boolean> {
    return this.update(teamId, name, `"owner_id" = $3`, [ownerId]);
  }

  async setCors(teamId: string, name: string, cors: CorsRule[]): Promise<boolean> {
    return this.update(teamId, name, `"cors" = $3`, [JSON.stringify(cors)]);
  }

  /** Merges `set` into the metadata and drops the `remove` names. */
  async updateMetadata(teamId: string, name: string, set: Record<string, string>, remove: string[]): Promise<boolean> {
    return this.update(teamId, name, `"metadata" = ("metadata" - $4::text[]) || $3::jsonb`, [set, remove]);
  }

  /**
   * Deletes the bucket unless it holds visible objects. Returns the storage keys of the invisible
   * objects it still held (their bytes must go), `not-empty`, or `absent`.
   */
  async deleteIfEmpty(teamId: string, name: string, now: Date): Promise<'absent' | 'not-empty' | { keys: string[] }> {
    return this.dataSource.transaction(async (m) => {
      const locked = (await m.query(
        `SELECT "id" FROM "buckets"."buckets" WHERE "team_id" = $1 AND "name" = $2 FOR UPDATE`,
        [teamId, name],
      )) as Array<{ id: string }>;
      const id = locked[0]?.id;
      if (!id) return 'absent';
      const visible = (await m.query(
        `SELECT 1 FROM "buckets"."objects" o WHERE o."bucket_id" = $1 AND ${visibleObject(2)} LIMIT 1`,
        [id, now],
      )) as unknown[];
      if (visible.length > 0) return 'not-empty';
      const left = (await m.query(`SELECT "storage_key" FROM "buckets"."objects" WHERE "bucket_id" = $1`, [
        id,
      ])) as Array<{ storage_key: string }>;
      // The rows first: their trigger keeps the totals of a bucket that still exists.
      await m.query(`DELETE FROM "buckets"."objects" WHERE "bucket_id" = $1`, [id]);
      await m.query(`DELETE FROM "buckets"."buckets" WHERE "id" = $1`, [id]);
      return { keys: left.map((r) => r.storage_key) };
    });
  }

  private async update(teamId: string, name: string, assignment: string, values: unknown[]): Promise<boolean> {
    const result = (await this.dataSource.query(
      `UPDATE "buckets"."buckets" SET ${assignment}, "updated_at" = now()
        WHERE "team_id" = $1 AND "name" = $2 RETURNING "id"`,
      [teamId, name, ...values],
    )) as [unknown[], number];
    return result[1] > 0;
  }

  /** WHERE clause over `b` whose parameters are numbered from `$first`. */
  private filterSql(
    teamId: string,
    filter: BucketFilter,
    first: number,
    reverse = false,
  ): { where: string; params: unknown[] } {
    const params: unknown[] = [];
    const clauses: string[] = [];
    const add = (sql: (n: string) => string, value: unknown) => {
      params.push(value);
      clauses.push(sql(`$${first + params.length - 1}`));
    };
    add((p) => `b."team_id" = ${p}`, teamId);
    if (filter.prefix) add((p) => `starts_with(b."name", ${p})`, filter.prefix);
    if (filter.include) add((p) => `strpos(b."name", ${p}) > 0`, filter.include);
    if (filter.type) add((p) => `b."type" = ${p}`, filter.type);
    if (filter.marker) add((p) => `b."name" ${reverse ? '<' : '>'} ${p}`, filter.marker);
    if (filter.end_marker) add((p) => `b."name" ${reverse ? '>' : '<'} ${p}`, filter.end_marker);
    if (filter.viewer) {
      add(
        (p) =>
          `(coalesce(jsonb_typeof(b."acl"->'permissions'), 'null') <> 'array' OR b."owner_id"::text = ${p}::text
            OR b."acl"->'permissions' @> jsonb_build_array(jsonb_build_object('user', jsonb_build_object('id', ${p}::text))))`,
        filter.viewer,
      );
    }
    return { where: clauses.join(' AND '), params };
  }

  /** `where` numbers its parameters from `$2`: `$1` is `now`. */
  private async select(
    where: string,
    params: unknown[],
    now: Date,
    orderBy: string,
    limit: number,
    offset: number,
  ): Promise<BucketRow[]> {
    const n = params.length + 1;
    const raw = (await this.dataSource.query(
      `SELECT b.*, (b."total_bytes" - i."bytes")::bigint AS "bytes", (b."total_objects" - i."n")::bigint AS "object_count",
              (SELECT count(*) FROM "buckets"."lifecycle_policies" p WHERE p."bucket_id" = b."id")::bigint AS "policy_count",
              greatest(b."updated_at", l."last") AS "last_modified"
         FROM "buckets"."buckets" b
         CROSS JOIN LATERAL ${invisibleTotals(1)} i
         LEFT JOIN LATERAL ${latestVisibleChange(1)} l ON true
        WHERE ${where}
        ORDER BY ${orderBy} LIMIT $${n + 1} OFFSET $${n + 2}`,
      [now, ...params, limit, offset],
    )) as RawBucketRow[];
    return raw.map(toBucketRow);
  }
}
