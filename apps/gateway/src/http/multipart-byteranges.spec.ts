import { Readable } from 'node:stream';
import { byterangesBody, byterangesFraming } from './multipart-byteranges';

describe('multipart/byteranges', () => {
  it('frames each range with its type and Content-Range, and the length counts every byte', async () => {
    const data = Buffer.from('0123456789');
    const ranges = [
      { start: 0, end: 1 },
      { start: 7, end: 9 },
    ];
    const framing = byterangesFraming('B', 'text/plain', ranges, data.length);
    const body = byterangesBody(framing, ranges, async (r) => Readable.from([data.subarray(r.start, r.end + 1)]));
    const chunks: Buffer[] = [];
    for await (const chunk of body) chunks.push(chunk as Buffer);
    const text = Buffer.concat(chunks).toString();
    expect(text).toBe(
      '\r\n--B\r\nContent-Type: text/plain\r\nContent-Range: bytes 0-1/10\r\n\r\n01' +
        '\r\n--B\r\nContent-Type: text/plain\r\nContent-Range: bytes 7-9/10\r\n\r\n789' +
        '\r\n--B--\r\n',
    );
    expect(framing.length).toBe(Buffer.byteLength(text));
  });
});
