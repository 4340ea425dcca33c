import type { BucketAcl, CorsRule } from '@mp/contracts';

/** A bucket as its table holds it, with live totals of its visible objects. */
export interface BucketRow {
  id: string;
  team_id: string;
  name: string;
  type: 'hot' | 'cold';
  use_encryption: boolean;
  owner_id: string | null;
  acl: BucketAcl | null;
  cors: CorsRule[];
  metadata: Record<string, string>;
  created_at: Date;
  updated_at: Date;
  bytes: number;
  object_count: number;
  policy_count: number;
  /** The latest change of the bucket or of an object in it. */
  last_modified: Date;
}

export interface RawBucketRow extends Omit<BucketRow, 'bytes' | 'object_count' | 'policy_count'> {
  bytes: string;
  object_count: string;
  policy_count: string;
}

export function toBucketRow(raw: RawBucketRow): BucketRow {
  return {
    ...raw,
    bytes: Number(raw.bytes),
    object_count: Number(raw.object_count),
    policy_count: Number(raw.policy_count),
  };
}
