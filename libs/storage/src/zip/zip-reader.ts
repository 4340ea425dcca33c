import { pipeline, Readable } from 'node:stream';
import * as yauzl from 'yauzl';
import { EntryDataCheck } from './entry-data.stream';
import { RangeSource } from './range-source';
import { RangeSourceReader } from './range-source.reader';
import { decodedEntryName } from './zip-entry-decoded-name';
import { checkEntry } from './zip-entry-checks';
import { ZipEntry } from './zip-entry';
import { ZipLimits, ZipRefused } from './zip-limits';

const EOCD_MIN_BYTES = 22;
const OPTIONS: yauzl.Options = { lazyEntries: true, autoClose: false, decodeStrings: false, validateEntrySizes: false };

/**
 * A ZIP archive (zip64 included) read by yauzl with range requests: the central directory once, then each entry on
 * demand. Our limits, name checks and the size/CRC check of the inflated data come on top.
 */
export class ZipReader {
  private constructor(
    private readonly zip: yauzl.ZipFile,
    private readonly raw: Map<ZipEntry, yauzl.Entry>,
    readonly entries: ZipEntry[],
  ) {}

  /** Reads and checks the central directory; throws ZipRefused for a bad or dangerous archive. */
  static async open(source: RangeSource, limits: ZipLimits): Promise<ZipReader> {
    if (source.size < EOCD_MIN_BYTES) throw new ZipRefused('The file is not a ZIP archive (too short)');
    const zip = await openZipFile(source);
    try {
      if (zip.entryCount > limits.maxEntries)
        throw new ZipRefused(`The ZIP has ${zip.entryCount} entries; at most ${limits.maxEntries} are allowed`);
      const raw = await readEntries(zip, limits);
      return new ZipReader(zip, raw, [...raw.keys()]);
    } catch (err) {
      zip.close();
      throw err;
    }
  }

  /** The entry's uncompressed bytes, streamed from the store and inflated as they arrive. */
  async open(entry: ZipEntry): Promise<Readable> {
    const data = await new Promise<Readable>((resolve, reject) =>
      this.zip.openReadStream(this.raw.get(entry)!, (err, stream) =>
        err ? reject(new ZipRefused(`"${entry.name}" is corrupt (${err.message})`)) : resolve(stream),
      ),
    );
    const check = new EntryDataCheck(entry.name, entry.uncompressedSize, entry.crc32);
    return pipeline([data, check], () => undefined) as unknown as Readable;
  }

  /** Done with the archive: no entry is opened any more. */
  close(): void {
    this.zip.close();
  }

  /** A whole (small) entry in memory, refused above `maxBytes`. */
  async readAll(entry: ZipEntry, maxBytes: number): Promise<Buffer> {
    if (entry.uncompressedSize > maxBytes) throw new ZipRefused(`"${entry.name}" is larger than ${maxBytes} bytes`);
    const chunks: Buffer[] = [];
    for await (const chunk of await this.open(entry)) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks);
  }
}

function openZipFile(source: RangeSource): Promise<yauzl.ZipFile> {
  return new Promise((resolve, reject) =>
    yauzl.fromRandomAccessReader(new RangeSourceReader(source), source.size, OPTIONS, (err, zip) => {
      if (!err) return resolve(zip);
      if (/signature not found/.test(err.message))
        return reject(new ZipRefused('The file is not a ZIP archive (no end of central directory found)'));
      reject(new ZipRefused(`The ZIP file is corrupt (${err.message})`));
    }),
  );
}

/** Every central-directory entry, checked one by one; the first violation refuses the archive. */
function readEntries(zip: yauzl.ZipFile, limits: ZipLimits): Promise<Map<ZipEntry, yauzl.Entry>> {
  const entries = new Map<ZipEntry, yauzl.Entry>();
  let total = 0;
  return new Promise((resolve, reject) => {
    zip.on('error', (err: Error) => reject(new ZipRefused(`The ZIP file is corrupt (${err.message})`)));
    zip.on('end', () => resolve(entries));
    zip.on('entry', (raw: yauzl.Entry) => {
      try {
        const name = decodedEntryName(raw);
        const entry: ZipEntry = {
          name,
          method: raw.compressionMethod,
          crc32: raw.crc32,
          compressedSize: raw.compressedSize,
          uncompressedSize: raw.uncompressedSize,
          localHeaderOffset: raw.relativeOffsetOfLocalHeader,
          isDirectory: name.endsWith('/'),
          isSymlink: isUnixSymlink(raw),
        };
        checkEntry(entry, raw.generalPurposeBitFlag, limits);
        total += entry.uncompressedSize;
        if (total > limits.maxTotalBytes)
          throw new ZipRefused(`The ZIP uncompresses to more than ${limits.maxTotalBytes} bytes`);
        entries.set(entry, raw);
        zip.readEntry();
      } catch (err) {
        reject(err as Error);
      }
    });
    zip.readEntry();
  });
}

const UNIX_FILE_TYPE = 0o170000;
const UNIX_SYMLINK = 0o120000;

/** Made on Unix (high byte of "version made by" = 3) with the symlink file type in the external attributes. */
function isUnixSymlink(raw: yauzl.Entry): boolean {
  return raw.versionMadeBy >> 8 === 3 && ((raw.externalFileAttributes >>> 16) & UNIX_FILE_TYPE) === UNIX_SYMLINK;
}
