import type { BucketRole, ContainerAccess, Principal } from '@mp/contracts';

/** What a request does to a bucket: reads it, writes its objects, or administers the bucket itself. */
export type BucketNeed = 'read' | 'write' | 'admin';

/**
 * The role a principal holds on a bucket. A bucket without per-user grants (`acl.permissions`)
 * is the whole project's: every token of it administers it, as do project tokens tied to no user
 * on every bucket. Once a bucket has grants, a user's token has the owner's admin role, the
 * granted `read-only` / `read-write`, or none.
 */
export function bucketRole(
  principal: Pick<Principal, 'user_id'>,
  access: Pick<ContainerAccess, 'owner_id' | 'permissions'>,
): 'admin' | BucketRole | null {
  if (principal.user_id === null || access.permissions.length === 0) return 'admin';
  if (principal.user_id === access.owner_id) return 'admin';
  return access.permissions.find((p) => p.user_id === principal.user_id)?.permission ?? null;
}

const GRANTS: Record<'admin' | BucketRole, ReadonlySet<BucketNeed>> = {
  admin: new Set(['read', 'write', 'admin']),
  'read-write': new Set(['read', 'write']),
  'read-only': new Set(['read']),
};

export const roleAllows = (role: 'admin' | BucketRole | null, need: BucketNeed) =>
  role !== null && GRANTS[role].has(need);
