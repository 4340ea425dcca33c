import { Transform, TransformCallback } from 'node:stream';
import { crc32 } from 'node:zlib';
import { ZipRefused } from './zip-limits';

/**
 * Passes an entry's inflated bytes through while checking them against its central-directory
 * record: more bytes than declared stop the stream at once (a lying header cannot inflate past
 * its limits); a short entry or a CRC mismatch fails it at the end.
 */
export class EntryDataCheck extends Transform {
  private bytes = 0;
  private crc = 0;

  constructor(
    private readonly name: string,
    private readonly declaredBytes: number,
    private readonly declaredCrc: number,
  ) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    this.bytes += chunk.length;
    if (this.bytes > this.declaredBytes) {
      callback(new ZipRefused(`"${this.name}" inflates to more than its declared ${this.declaredBytes} bytes`));
      return;
    }
    this.crc = crc32(chunk, this.crc);
    callback(null, chunk);
  }

  override _flush(callback: TransformCallback): void {
    if (this.bytes !== this.declaredBytes)
      callback(new ZipRefused(`"${this.name}" is truncated (${this.bytes} of ${this.declaredBytes} bytes)`));
    else if (this.crc >>> 0 !== this.declaredCrc >>> 0)
      callback(new ZipRefused(`"${this.name}" is corrupt (CRC mismatch)`));
    else callback();
  }
}
