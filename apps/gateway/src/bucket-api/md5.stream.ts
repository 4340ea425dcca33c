import { createHash } from 'node:crypto';
import { Transform } from 'node:stream';

/** Passes bytes through and keeps their MD5 and count (read `hex()` once the stream ended). */
export class Md5Stream extends Transform {
  private readonly hash = createHash('md5');
  private digest?: string;
  /** Bytes that went through. */
  bytes = 0;

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: (err?: Error | null, data?: Buffer) => void) {
    this.hash.update(chunk);
    this.bytes += chunk.length;
    done(null, chunk);
  }

  override _flush(done: () => void) {
    this.digest = this.hash.digest('hex');
    done();
  }

  hex(): string {
    if (this.digest === undefined) throw new Error('Md5Stream read before its end');
    return this.digest;
  }
}
