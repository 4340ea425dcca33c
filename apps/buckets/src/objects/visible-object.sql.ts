/**
 * SQL condition on the objects row aliased `o`: it is visible at `$now` (the parameter number
 * given) — not past its `X-Delete-At`, and not older than a lifecycle policy whose target
 * prefixes its name. Expired objects vanish at once; the sweeper deletes their bytes later.
 */
export function visibleObject(nowParam: number): string {
  return `(o."delete_at" IS NULL OR o."delete_at" > $${nowParam})
    AND NOT EXISTS (
      SELECT 1 FROM "buckets"."lifecycle_policies" p
       WHERE p."bucket_id" = o."bucket_id" AND starts_with(o."name", p."target")
         AND o."last_modified" <= $${nowParam}::timestamptz - make_interval(days => p."duration_days"))`;
}
