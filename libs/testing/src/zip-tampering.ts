import { buildZip, ZipWriterEntry } from './zip-writer';

/*
 * Deliberately broken archives for refusal tests. yazl writes only well-formed archives (it refuses
 * zip-slip names and computes sizes and CRCs itself), so these patch the headers of one it built.
 */

const LOCAL_SIGNATURE = 0x04034b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const EOCD_BYTES = 22;

interface EntryHeaders {
  local: number;
  central: number;
  nameBytes: number;
}

/** Offsets of an entry's local and central headers, found through the central directory (no archive comment). */
function headersOf(zip: Buffer, name: string): EntryHeaders {
  const eocd = zip.length - EOCD_BYTES;
  const count = zip.readUInt16LE(eocd + 10);
  let at = zip.readUInt32LE(eocd + 16);
  for (let i = 0; i < count; i++) {
    if (zip.readUInt32LE(at) !== CENTRAL_SIGNATURE) throw new Error('not a central directory record');
    const nameBytes = zip.readUInt16LE(at + 28);
    const next = at + 46 + nameBytes + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
    if (zip.subarray(at + 46, at + 46 + nameBytes).toString('utf8') === name) {
      const local = zip.readUInt32LE(at + 42);
      if (zip.readUInt32LE(local) !== LOCAL_SIGNATURE) throw new Error('not a local header');
      return { local, central: at, nameBytes };
    }
    at = next;
  }
  throw new Error(`no entry "${name}" in the archive`);
}

/** Where an entry's (compressed) data starts. */
export function entryDataOffset(zip: Buffer, name: string): number {
  const { local } = headersOf(zip, name);
  return local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
}

/** Makes both headers of an entry lie about its uncompressed size (a zip-bomb style header). */
export function declareEntrySize(zip: Buffer, name: string, size: number): Buffer {
  const out = Buffer.from(zip);
  const { local, central } = headersOf(out, name);
  out.writeUInt32LE(size, local + 22);
  out.writeUInt32LE(size, central + 24);
  return out;
}

/**
 * An archive with names yazl refuses to write (`../x`, `/etc/x`, `C:/x`, backslashes): built under
 * placeholder names of the same byte length, which are then overwritten in both headers.
 */
export async function buildZipWithRawNames(entries: ZipWriterEntry[]): Promise<Buffer> {
  const placeholders = entries.map((e, i) => placeholderFor(e.name, i));
  const zip = await buildZip(entries.map((e, i) => ({ ...e, name: placeholders[i] })));
  entries.forEach((entry, i) => {
    const { local, central, nameBytes } = headersOf(zip, placeholders[i]);
    zip.write(entry.name, local + 30, nameBytes, 'utf8');
    zip.write(entry.name, central + 46, nameBytes, 'utf8');
  });
  return zip;
}

/** A name yazl accepts, unique in the archive, as many UTF-8 bytes long as `name`, and a directory if it is. */
function placeholderFor(name: string, index: number): string {
  const bytes = Buffer.byteLength(name, 'utf8');
  const tag = `p${index}`;
  const placeholder = name.endsWith('/') ? `${tag.padEnd(bytes - 1, '_')}/` : tag.padEnd(bytes, '_');
  if (Buffer.byteLength(placeholder) !== bytes) throw new Error(`name "${name}" is too short for a placeholder`);
  return placeholder;
}
