import { ZipFile } from 'yazl';

export interface ZipWriterEntry {
  /** A name ending in `/` is a directory entry (its data is ignored). */
  name: string;
  data: Buffer;
  /** Deflate (default) or store. */
  store?: boolean;
  /** Unix mode bits, e.g. `0o120777` for a symbolic link (its data is the link target). */
  mode?: number;
}

/** Fixed, so that the same entries always make the same bytes. */
const MTIME = new Date(Date.UTC(2024, 0, 1));

/** A ZIP archive as common tools write it (yazl: UTF-8 names, sizes and CRCs in the headers). */
export async function buildZip(entries: ZipWriterEntry[]): Promise<Buffer> {
  const zip = new ZipFile();
  for (const entry of entries) {
    if (entry.name.endsWith('/')) zip.addEmptyDirectory(entry.name, { mtime: MTIME });
    else zip.addBuffer(entry.data, entry.name, { compress: !entry.store, mtime: MTIME, mode: entry.mode });
  }
  zip.end();
  const chunks: Buffer[] = [];
  for await (const chunk of zip.outputStream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}
