import { DomainError } from '@mp/contracts';
import { Transform } from 'node:stream';

/** Fails a stream with the dialect's `tooLarge()` as soon as it passes `maxBytes`, without buffering it. */
export function byteLimit(maxBytes: number, tooLarge: () => DomainError): Transform {
  let seen = 0;
  return new Transform({
    transform(chunk: Buffer, _encoding, done) {
      seen += chunk.length;
      if (seen > maxBytes) done(tooLarge());
      else done(null, chunk);
    },
  });
}
