import { PassThrough } from 'node:stream';
import type { IncomingMessage } from 'node:http';
import { ClosingDelimiterWatch } from './closing-delimiter.watch';

function body(contentType: string | undefined, chunks: string[]): ClosingDelimiterWatch {
  const raw = Object.assign(new PassThrough(), { headers: contentType ? { 'content-type': contentType } : {} });
  const watch = new ClosingDelimiterWatch(raw as unknown as IncomingMessage);
  for (const chunk of chunks) raw.write(Buffer.from(chunk));
  return watch;
}

describe('ClosingDelimiterWatch', () => {
  const part = '--xyz\r\nContent-Disposition: form-data; name="file"; filename="a.txt"\r\n\r\nabc';

  it('sees the closing delimiter, also when it is split across chunks or quoted in the header', () => {
    expect(body('multipart/form-data; boundary=xyz', [`${part}\r\n--xyz--\r\n`]).complete).toBe(true);
    expect(body('multipart/form-data; boundary=xyz', [`${part}\r\n--x`, 'yz', '-', '-']).complete).toBe(true);
    expect(body('multipart/form-data; boundary="xyz"', [`${part}\r\n--xyz--`]).complete).toBe(true);
  });

  it('reports a body that ends inside a part or at a part delimiter', () => {
    expect(body('multipart/form-data; boundary=xyz', [part]).complete).toBe(false);
    expect(body('multipart/form-data; boundary=xyz', [`${part}\r\n--xyz\r\n`]).complete).toBe(false);
  });

  it('has nothing to check without a boundary', () => {
    expect(body(undefined, ['anything']).complete).toBe(true);
  });
});
