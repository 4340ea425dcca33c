import { unsafeEntryName } from './zip-entry-name';
import { ZipEntry } from './zip-entry';
import { RATIO_CHECK_MIN_BYTES, ZipLimits, ZipRefused } from './zip-limits';

const FLAG_ENCRYPTED = 0x1;
const METHODS = new Set([0, 8]);

/** Refuses an entry with an unsafe name, encryption, an unknown method, or sizes beyond the limits. */
export function checkEntry(entry: ZipEntry, flags: number, limits: ZipLimits): void {
  const unsafe = unsafeEntryName(entry.name, limits.strictNames);
  if (unsafe) throw new ZipRefused(`ZIP entry "${entry.name}" has an unsafe path (zip-slip: ${unsafe})`);
  if (flags & FLAG_ENCRYPTED) throw new ZipRefused(`Encrypted ZIP entries are not supported: "${entry.name}"`);
  if (!entry.isDirectory && !METHODS.has(entry.method))
    throw new ZipRefused(
      `Unsupported compression method ${entry.method} for "${entry.name}" (only stored and deflate)`,
    );
  if (entry.uncompressedSize > limits.maxEntryBytes) {
    throw new ZipRefused(
      `"${entry.name}" uncompresses to ${entry.uncompressedSize} bytes; at most ${limits.maxEntryBytes} per file are allowed`,
    );
  }
  if (entry.uncompressedSize < (limits.ratioCheckMinBytes ?? RATIO_CHECK_MIN_BYTES)) return;
  const ratio = entry.uncompressedSize / Math.max(entry.compressedSize, 1);
  if (ratio > limits.maxRatio) {
    throw new ZipRefused(
      `"${entry.name}" has a compression ratio of ${Math.round(ratio)}:1; at most ${limits.maxRatio}:1 is allowed (zip bomb)`,
    );
  }
}
