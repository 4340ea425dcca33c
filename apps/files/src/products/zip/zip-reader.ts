import { pipeline, Readable } from 'node:stream';
import { createInflateRaw } from 'node:zlib';
import { EntryDataCheck } from './entry-data.stream';
import { EOCD_SEARCH_BYTES, readCentralDirectory, readEndOfCentralDirectory, ZipEntry } from './zip-central-directory';
import { ZipLimits, ZipRefused } from './zip-limits';
import { RangeSource } from './range-source';

const LOCAL_HEADER_SIGNATURE = 0x04034b50;
const LOCAL_HEADER_BYTES = 30;
/** The central directory is read into memory; 46 bytes + a name per entry stays far below this. */
const MAX_DIRECTORY_BYTES = 64 * 1024 * 1024;

/** A ZIP archive read with range requests: the central directory once, then each entry on demand. */
export class ZipReader {
  private constructor(
    private readonly source: RangeSource,
    readonly entries: ZipEntry[],
  ) {}

  /** Reads and checks the central directory; throws ZipRefused for a bad or dangerous archive. */
  static async open(source: RangeSource, limits: ZipLimits): Promise<ZipReader> {
    if (source.size < 22) throw new ZipRefused('The file is not a ZIP archive (too short)');
    const tailStart = Math.max(0, source.size - EOCD_SEARCH_BYTES);
    const eocd = readEndOfCentralDirectory(await source.read(tailStart, source.size - 1), source.size);
    if (eocd.size > MAX_DIRECTORY_BYTES) throw new ZipRefused('The ZIP central directory is too large');
    const directory = eocd.size ? await source.read(eocd.offset, eocd.offset + eocd.size - 1) : Buffer.alloc(0);
    return new ZipReader(source, readCentralDirectory(directory, eocd, limits));
  }

  /** The entry's uncompressed bytes, streamed from the store and inflated as they arrive. */
  async open(entry: ZipEntry): Promise<Readable> {
    const header = await this.source.read(entry.localHeaderOffset, entry.localHeaderOffset + LOCAL_HEADER_BYTES - 1);
    if (header.length < LOCAL_HEADER_BYTES || header.readUInt32LE(0) !== LOCAL_HEADER_SIGNATURE)
      throw new ZipRefused(`"${entry.name}" is corrupt (bad local header)`);
    const dataStart = entry.localHeaderOffset + LOCAL_HEADER_BYTES + header.readUInt16LE(26) + header.readUInt16LE(28);
    if (dataStart + entry.compressedSize > this.source.size)
      throw new ZipRefused(`"${entry.name}" is corrupt (data beyond the end of the file)`);
    const raw = await this.source.stream(dataStart, dataStart + entry.compressedSize - 1);
    const check = new EntryDataCheck(entry.name, entry.uncompressedSize, entry.crc32);
    const stages: NodeJS.ReadWriteStream[] = entry.method === 8 ? [createInflateRaw(), check] : [check];
    return pipeline([raw, ...stages], () => undefined) as unknown as Readable;
  }

  /** A whole (small) entry in memory, refused above `maxBytes`. */
  async readAll(entry: ZipEntry, maxBytes: number): Promise<Buffer> {
    if (entry.uncompressedSize > maxBytes) throw new ZipRefused(`"${entry.name}" is larger than ${maxBytes} bytes`);
    const chunks: Buffer[] = [];
    for await (const chunk of await this.open(entry)) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks);
  }
}
