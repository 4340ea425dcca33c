import { DomainError } from '@mp/contracts';
import { Transform, TransformCallback } from 'node:stream';

export interface QuotaLimiterOptions {
  /** The largest file one upload may carry. */
  maxBytes: number;
  /** Resolves once `total` bytes are covered by the upload's reservation; rejects to stop it. */
  cover: (total: number) => Promise<void>;
}

/**
 * Passes a file's bytes through only once they are admitted: each chunk waits until the
 * reservation covers the running total (backpressure holds the uploader meanwhile), and a chunk
 * that would pass the quota or the size limit fails the stream before it reaches the store.
 */
export class QuotaLimiter extends Transform {
  bytes = 0;

  constructor(private readonly options: QuotaLimiterOptions) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    const total = this.bytes + chunk.length;
    if (total > this.options.maxBytes) {
      callback(
        new DomainError('PayloadTooLarge', `The file exceeds the ${this.options.maxBytes}-byte limit of one upload`, {
          max_bytes: this.options.maxBytes,
        }),
      );
      return;
    }
    this.options.cover(total).then(
      () => {
        this.bytes = total;
        callback(null, chunk);
      },
      (err: unknown) => callback(err instanceof Error ? err : new Error(String(err))),
    );
  }
}
