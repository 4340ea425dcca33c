import type { ContainerInfo, ObjectRecord } from '@mp/contracts';
import type { BucketRow } from '../buckets/bucket.row';
import type { ObjectRow } from '../objects/object.repository';

export function toContainerInfo(row: BucketRow): ContainerInfo {
  return {
    id: row.id,
    name: row.name,
    bytes: row.bytes,
    object_count: row.object_count,
    metadata: row.metadata,
    created_at: row.created_at.toISOString(),
    use_encryption: row.use_encryption,
  };
}

export function toObjectRecord(row: ObjectRow): ObjectRecord {
  return {
    name: row.name,
    storage_key: row.storage_key,
    bytes: row.bytes,
    hash: row.hash,
    content_type: row.content_type,
    metadata: row.metadata,
    last_modified: row.last_modified.toISOString(),
    delete_at: row.delete_at?.toISOString() ?? null,
    manifest: row.manifest,
    slo: row.slo,
    encryption: row.encryption,
  };
}
