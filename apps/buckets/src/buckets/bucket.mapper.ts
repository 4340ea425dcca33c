import type { Bucket, BucketAcl, SimpleBucket } from '@mp/contracts';
import type { BucketRow } from './bucket.row';

/** RFC 3339 to the second, as the seed writes it (`2022-04-25T10:28:57Z`). */
export const rfc3339 = (d: Date) => d.toISOString().replace(/\.\d{3}Z$/, 'Z');

export const NO_ACL: BucketAcl = { permissions: null, public: null, public_read_allow_ip_list: [] };

export function toSimpleBucket(row: BucketRow): SimpleBucket {
  return {
    account: row.team_id,
    name: row.name,
    type: row.type,
    bytes: row.bytes,
    objectCount: row.object_count,
    policyCount: row.policy_count,
    createdAt: rfc3339(row.created_at),
    lastModified: rfc3339(row.last_modified),
    // The owner's display name is the user's, which quota-billing knows: the gateway fills it in.
    owner: row.owner_id ? { id: row.owner_id, name: '' } : null,
    use_encryption: row.use_encryption,
  };
}

export function toBucket(row: BucketRow): Bucket {
  return { ...toSimpleBucket(row), acl: row.acl ?? NO_ACL };
}
