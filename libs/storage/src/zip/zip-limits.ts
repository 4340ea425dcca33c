/** What an uploaded archive may hold; anything beyond is refused before a byte is inflated. */
export interface ZipLimits {
  maxEntries: number;
  maxEntryBytes: number;
  maxTotalBytes: number;
  /** Uncompressed / compressed, per entry, for entries of at least RATIO_CHECK_MIN_BYTES. */
  maxRatio: number;
  /** Entries below this size skip the ratio check; RATIO_CHECK_MIN_BYTES unless given. */
  ratioCheckMinBytes?: number;
  /** Also refuse `.` and empty path segments in entry names (see unsafeEntryName). */
  strictNames?: boolean;
}

/** Small entries may compress very well without being a threat; the ratio check starts here. */
export const RATIO_CHECK_MIN_BYTES = 64 * 1024;

/** Why an archive was refused; the message goes to the task's `error_message` as is. */
export class ZipRefused extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ZipRefused';
  }
}
