import { inflateRawSync } from 'node:zlib';

/** Zip-bomb limits of one archive. */
export interface ZipLimits {
  maxEntries: number;
  /** Uncompressed bytes of all entries together, and of one entry. */
  maxTotalBytes: number;
  maxEntryBytes: number;
  /** Largest uncompressed / compressed ratio of one entry. */
  maxRatio: number;
}

export interface ZipEntry {
  /** Relative path inside the archive (`a/b.png`), checked: no absolute paths, `..`, backslashes. */
  name: string;
  /** Declared uncompressed size (checked against the limits before anything is inflated). */
  size: number;
  /** Inflates the entry (one at a time keeps memory to one entry); throws ZipRefused on a lying header. */
  read(): Buffer;
}

export class ZipRefused extends Error {}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

/**
 * Reads a zip archive from its central directory (stored and deflated entries), enforcing the limits
 * on the declared sizes before anything is inflated, and on the actual sizes while inflating. Directory entries and macOS
 * resource forks are skipped; unsafe names (zip-slip), encryption, zip64 and other methods are refused.
 */
export function readZip(archive: Buffer, limits: ZipLimits): ZipEntry[] {
  const eocd = findEocd(archive);
  const count = archive.readUInt16LE(eocd + 10);
  const cdSize = archive.readUInt32LE(eocd + 12);
  const cdOffset = archive.readUInt32LE(eocd + 16);
  if (count === 0xffff || cdOffset === 0xffffffff) throw new ZipRefused('zip64 archives are not supported');
  if (count > limits.maxEntries)
    throw new ZipRefused(`The archive has ${count} entries; at most ${limits.maxEntries} are accepted`);
  if (cdOffset + cdSize > archive.length) throw new ZipRefused('The archive is truncated');
  const entries: ZipEntry[] = [];
  let total = 0;
  let at = cdOffset;
  for (let i = 0; i < count; i++) {
    if (at + 46 > archive.length || archive.readUInt32LE(at) !== CENTRAL)
      throw new ZipRefused('The archive directory is broken');
    const flags = archive.readUInt16LE(at + 8);
    const method = archive.readUInt16LE(at + 10);
    const compressed = archive.readUInt32LE(at + 20);
    const size = archive.readUInt32LE(at + 24);
    const nameLength = archive.readUInt16LE(at + 28);
    const extraLength = archive.readUInt16LE(at + 30);
    const commentLength = archive.readUInt16LE(at + 32);
    const localOffset = archive.readUInt32LE(at + 42);
    const name = archive.subarray(at + 46, at + 46 + nameLength).toString('utf8');
    at += 46 + nameLength + extraLength + commentLength;
    if (name.endsWith('/') || name.startsWith('__MACOSX/')) continue;
    checkName(name);
    if (flags & 0x1) throw new ZipRefused(`${name}: encrypted entries are not supported`);
    if (size > limits.maxEntryBytes)
      throw new ZipRefused(`${name}: ${size} bytes uncompressed; at most ${limits.maxEntryBytes} per file`);
    if (compressed > 0 && size / compressed > limits.maxRatio)
      throw new ZipRefused(`${name}: compression ratio above ${limits.maxRatio}`);
    total += size;
    if (total > limits.maxTotalBytes)
      throw new ZipRefused(`The archive holds more than ${limits.maxTotalBytes} bytes uncompressed`);
    entries.push({ name, size, read: () => extract(archive, localOffset, method, compressed, size, name) });
  }
  return entries;
}

function findEocd(archive: Buffer): number {
  const stop = Math.max(0, archive.length - 22 - 0xffff);
  for (let i = archive.length - 22; i >= stop; i--) if (archive.readUInt32LE(i) === EOCD) return i;
  throw new ZipRefused('Not a zip archive');
}

function checkName(name: string): void {
  const unsafe =
    name.startsWith('/') ||
    name.includes('\\') ||
    /^[A-Za-z]:/.test(name) ||
    /[\u0000-\u001f]/.test(name) ||
    name.split('/').some((s) => s === '..' || s === '.' || s === '');
  if (unsafe) throw new ZipRefused(`${JSON.stringify(name)}: unsafe path in the archive`);
}

function extract(
  archive: Buffer,
  offset: number,
  method: number,
  compressed: number,
  size: number,
  name: string,
): Buffer {
  if (offset + 30 > archive.length || archive.readUInt32LE(offset) !== LOCAL)
    throw new ZipRefused(`${name}: broken entry`);
  const start = offset + 30 + archive.readUInt16LE(offset + 26) + archive.readUInt16LE(offset + 28);
  if (start + compressed > archive.length) throw new ZipRefused(`${name}: truncated entry`);
  const raw = archive.subarray(start, start + compressed);
  if (method === 0) {
    if (compressed !== size) throw new ZipRefused(`${name}: broken stored entry`);
    return Buffer.from(raw);
  }
  if (method !== 8) throw new ZipRefused(`${name}: compression method ${method} is not supported`);
  let data: Buffer;
  try {
    // The declared size bounds the output: a lying header cannot inflate past it.
    data = inflateRawSync(raw, { maxOutputLength: Math.max(1, size) });
  } catch {
    throw new ZipRefused(`${name}: the entry does not inflate to its declared size`);
  }
  if (data.length !== size) throw new ZipRefused(`${name}: the entry does not inflate to its declared size`);
  return data;
}
