import { PassThrough, Readable } from 'node:stream';
import { RandomAccessReader } from 'yauzl';
import { RangeSource } from './range-source';

/** yauzl's random access over a RangeSource: every read yauzl makes becomes one ranged read. */
export class RangeSourceReader extends RandomAccessReader {
  constructor(private readonly source: RangeSource) {
    super();
  }

  /** yauzl's `end` is exclusive, RangeSource's inclusive. */
  override _readStreamForRange(start: number, end: number): Readable {
    const out = new PassThrough();
    this.source.stream(start, end - 1).then(
      (body) => {
        body.on('error', (err) => out.destroy(err));
        body.pipe(out);
      },
      (err: Error) => out.destroy(err),
    );
    return out;
  }
}
