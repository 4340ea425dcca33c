import { Principal } from '@mp/contracts';

/** The one bucket of a `kikaku_s3` key: its keyspace of the S3 proxy, named after the key. */
export function bucketOf(principal: Pick<Principal, 'key_id'>): string {
  return `kikaku-${principal.key_id}`;
}

/** Whether `name` is shaped like some key's bucket (then another key's is AccessDenied, not NoSuchBucket). */
export function looksLikeKeyBucket(name: string): boolean {
  return /^kikaku-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(name);
}
