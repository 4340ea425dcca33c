/** One entry of the central directory, as checked against the limits. */
export interface ZipEntry {
  name: string;
  method: number;
  crc32: number;
  compressedSize: number;
  uncompressedSize: number;
  localHeaderOffset: number;
  isDirectory: boolean;
  /** A Unix symbolic link (its data is the link target, not a file). */
  isSymlink: boolean;
}
