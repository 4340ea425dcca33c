/** The seed's default validity of a presigned PUT: 15 minutes. */
export const BASE_EXPIRY_SECONDS = 15 * 60;
/** Extra time per started MiB of the announced size: enough for a ~35 KB/s uplink. */
export const SECONDS_PER_MIB = 30;
/** Never longer than an hour. */
export const MAX_EXPIRY_SECONDS = 60 * 60;

const MIB = 1024 * 1024;

/**
 * `expires_in_seconds`: 900 s, plus 30 s per started MiB of `file_size` when given, at most 3600 s.
 * (1 MiB → 930 s, 10 MiB → 1200 s, 50 MB → 2400 s.)
 */
export function uploadExpirySeconds(fileSize: number | null | undefined): number {
  if (!fileSize || fileSize <= 0) return BASE_EXPIRY_SECONDS;
  return Math.min(MAX_EXPIRY_SECONDS, BASE_EXPIRY_SECONDS + Math.ceil(fileSize / MIB) * SECONDS_PER_MIB);
}
