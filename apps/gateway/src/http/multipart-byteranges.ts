import { Readable } from 'node:stream';
import { SatisfiableRange } from './byte-range';

/** The framing of a `multipart/byteranges` body (RFC 9110 §14.6): each part's head, then the closing line. */
export function byterangesFraming(
  boundary: string,
  contentType: string,
  ranges: SatisfiableRange[],
  size: number,
): { heads: string[]; closing: string; length: number } {
  const heads = ranges.map(
    (r) =>
      `\r\n--${boundary}\r\nContent-Type: ${contentType}\r\nContent-Range: bytes ${r.start}-${r.end}/${size}\r\n\r\n`,
  );
  const closing = `\r\n--${boundary}--\r\n`;
  const length =
    heads.reduce((sum, head) => sum + Buffer.byteLength(head), 0) +
    ranges.reduce((sum, r) => sum + r.end - r.start + 1, 0) +
    Buffer.byteLength(closing);
  return { heads, closing, length };
}

/** The body: each range's bytes fetched only when the previous part has been sent. */
export function byterangesBody(
  framing: { heads: string[]; closing: string },
  ranges: SatisfiableRange[],
  open: (range: SatisfiableRange) => Promise<Readable>,
): Readable {
  async function* parts(): AsyncGenerator<Buffer> {
    for (const [i, range] of ranges.entries()) {
      yield Buffer.from(framing.heads[i]!);
      for await (const chunk of await open(range)) yield chunk as Buffer;
    }
    yield Buffer.from(framing.closing);
  }
  return Readable.from(parts());
}
