import { visibleObject } from './visible-object.sql';

/**
 * SQL of a LATERAL subquery over the bucket aliased `b`: the count (`n`) and bytes of its rows that
 * are invisible at `$now` (the parameter number given) — past `X-Delete-At` or older than a
 * lifecycle policy of the bucket — which the kept totals still include until the sweeper removes
 * them. Both parts walk an index over the bucket's expiring or oldest rows, never the whole bucket.
 */
export function invisibleTotals(nowParam: number): string {
  return `(SELECT count(*) AS "n", coalesce(sum(x."bytes"), 0) AS "bytes" FROM (
      SELECT o."name", o."bytes" FROM "buckets"."objects" o
       WHERE o."bucket_id" = b."id" AND o."delete_at" IS NOT NULL AND o."delete_at" <= $${nowParam}
      UNION
      SELECT o."name", o."bytes" FROM "buckets"."lifecycle_policies" p
        JOIN "buckets"."objects" o ON o."bucket_id" = p."bucket_id"
         AND o."last_modified" <= $${nowParam}::timestamptz - make_interval(days => p."duration_days")
         AND starts_with(o."name", p."target")
       WHERE p."bucket_id" = b."id") x)`;
}

/** SQL of a LATERAL subquery: the newest visible change of an object of `b` (`last`), walking back from the newest. */
export function latestVisibleChange(nowParam: number): string {
  return `(SELECT o."last_modified" AS "last" FROM "buckets"."objects" o
            WHERE o."bucket_id" = b."id" AND ${visibleObject(nowParam)}
            ORDER BY o."last_modified" DESC LIMIT 1)`;
}
