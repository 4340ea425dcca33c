import type { Readable } from 'node:stream';

/** Random access to an archive's bytes (an object in the store, or a buffer in tests). */
export interface RangeSource {
  size: number;
  /** Bytes [start, end] inclusive, in memory: for headers and the central directory only. */
  read(start: number, end: number): Promise<Buffer>;
  /** Bytes [start, end] inclusive, streamed: for entry data. */
  stream(start: number, end: number): Promise<Readable>;
}
