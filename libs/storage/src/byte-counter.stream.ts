import { DomainError } from '@mp/contracts';
import { Transform, TransformCallback } from 'node:stream';

/** Passes bytes through, counting them; with `expected`, a body of any other length fails. */
export class ByteCounter extends Transform {
  bytes = 0;

  constructor(private readonly expected?: number) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    this.bytes += chunk.length;
    if (this.expected !== undefined && this.bytes > this.expected) callback(this.lengthMismatch());
    else callback(null, chunk);
  }

  override _flush(callback: TransformCallback): void {
    callback(this.expected !== undefined && this.bytes !== this.expected ? this.lengthMismatch() : null);
  }

  private lengthMismatch(): DomainError {
    return new DomainError('ValidationFailed', `Body length differs from the declared ${this.expected} bytes`, {
      expected: this.expected,
      atLeast: this.bytes,
    });
  }
}
