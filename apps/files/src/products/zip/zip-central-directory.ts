import { RATIO_CHECK_MIN_BYTES, ZipLimits, ZipRefused } from './zip-limits';
import { unsafeEntryName } from './zip-entry-name';

export interface ZipEntry {
  name: string;
  method: number;
  crc32: number;
  compressedSize: number;
  uncompressedSize: number;
  localHeaderOffset: number;
  isDirectory: boolean;
}

export interface EndOfCentralDirectory {
  entries: number;
  size: number;
  offset: number;
}

const EOCD_SIGNATURE = 0x06054b50;
const CDH_SIGNATURE = 0x02014b50;
export const EOCD_MIN_BYTES = 22;
/** The EOCD record plus the longest comment it can carry. */
export const EOCD_SEARCH_BYTES = EOCD_MIN_BYTES + 0xffff;
const CDH_BYTES = 46;
const FLAG_ENCRYPTED = 0x1;
const FLAG_UTF8 = 0x800;
const METHODS = new Set([0, 8]);

/** Finds the end-of-central-directory record in the archive's last bytes. */
export function readEndOfCentralDirectory(tail: Buffer, archiveSize: number): EndOfCentralDirectory {
  for (let at = tail.length - EOCD_MIN_BYTES; at >= 0; at--) {
    if (tail.readUInt32LE(at) !== EOCD_SIGNATURE) continue;
    const entries = tail.readUInt16LE(at + 10);
    const size = tail.readUInt32LE(at + 12);
    const offset = tail.readUInt32LE(at + 16);
    if (entries === 0xffff || size === 0xffffffff || offset === 0xffffffff)
      throw new ZipRefused('ZIP64 archives are not supported');
    if (offset + size > archiveSize)
      throw new ZipRefused('The ZIP file is corrupt (central directory beyond the end of the file)');
    return { entries, size, offset };
  }
  throw new ZipRefused('The file is not a ZIP archive (no end of central directory found)');
}

/** Parses the central directory and enforces every limit; refuses the archive on the first violation. */
export function readCentralDirectory(directory: Buffer, eocd: EndOfCentralDirectory, limits: ZipLimits): ZipEntry[] {
  if (eocd.entries > limits.maxEntries)
    throw new ZipRefused(`The ZIP has ${eocd.entries} entries; at most ${limits.maxEntries} are allowed`);
  const entries: ZipEntry[] = [];
  let total = 0;
  let at = 0;
  for (let i = 0; i < eocd.entries; i++) {
    if (at + CDH_BYTES > directory.length || directory.readUInt32LE(at) !== CDH_SIGNATURE)
      throw new ZipRefused('The ZIP file is corrupt (bad central directory)');
    const flags = directory.readUInt16LE(at + 8);
    const method = directory.readUInt16LE(at + 10);
    const nameLength = directory.readUInt16LE(at + 28);
    const next = at + CDH_BYTES + nameLength + directory.readUInt16LE(at + 30) + directory.readUInt16LE(at + 32);
    if (next > directory.length) throw new ZipRefused('The ZIP file is corrupt (bad central directory)');
    const name = directory.toString(flags & FLAG_UTF8 ? 'utf8' : 'latin1', at + CDH_BYTES, at + CDH_BYTES + nameLength);
    const entry: ZipEntry = {
      name,
      method,
      crc32: directory.readUInt32LE(at + 16),
      compressedSize: directory.readUInt32LE(at + 20),
      uncompressedSize: directory.readUInt32LE(at + 24),
      localHeaderOffset: directory.readUInt32LE(at + 42),
      isDirectory: name.endsWith('/'),
    };
    const unsafe = unsafeEntryName(name);
    if (unsafe) throw new ZipRefused(`Unsafe path in ZIP (zip-slip): "${name}" (${unsafe})`);
    if (flags & FLAG_ENCRYPTED) throw new ZipRefused(`Encrypted ZIP entries are not supported: "${name}"`);
    if (!entry.isDirectory && !METHODS.has(method))
      throw new ZipRefused(`Unsupported compression method ${method} for "${name}" (only stored and deflate)`);
    checkSizes(entry, limits);
    total += entry.uncompressedSize;
    if (total > limits.maxTotalBytes)
      throw new ZipRefused(`The ZIP uncompresses to more than ${limits.maxTotalBytes} bytes`);
    entries.push(entry);
    at = next;
  }
  return entries;
}

function checkSizes(entry: ZipEntry, limits: ZipLimits): void {
  if (entry.uncompressedSize > limits.maxEntryBytes) {
    throw new ZipRefused(
      `"${entry.name}" uncompresses to ${entry.uncompressedSize} bytes; at most ${limits.maxEntryBytes} per file are allowed`,
    );
  }
  if (entry.uncompressedSize < RATIO_CHECK_MIN_BYTES) return;
  const ratio = entry.uncompressedSize / Math.max(entry.compressedSize, 1);
  if (ratio > limits.maxRatio) {
    throw new ZipRefused(
      `"${entry.name}" has a compression ratio of ${Math.round(ratio)}:1; at most ${limits.maxRatio}:1 is allowed (zip bomb)`,
    );
  }
}
