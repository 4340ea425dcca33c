import { buildZip, ZipWriterEntry } from '@mp/testing';
import { Readable } from 'node:stream';
import { RangeSource, ZipLimits, ZipReader, ZipRefused } from '@mp/storage';

const LIMITS: ZipLimits = { maxEntries: 10, maxEntryBytes: 1024 * 1024, maxTotalBytes: 2 * 1024 * 1024, maxRatio: 50 };

function bufferSource(zip: Buffer): RangeSource & { reads: Array<[number, number]> } {
  const reads: Array<[number, number]> = [];
  return {
    size: zip.length,
    reads,
    read: async (start, end) => {
      reads.push([start, end]);
      return zip.subarray(start, end + 1);
    },
    stream: async (start, end) => {
      reads.push([start, end]);
      return Readable.from([zip.subarray(start, end + 1)]);
    },
  };
}

const open = (entries: ZipWriterEntry[], limits = LIMITS) => ZipReader.open(bufferSource(buildZip(entries)), limits);
const refusal = (promise: Promise<unknown>) =>
  promise.then(
    () => 'accepted',
    (err: Error) => (err instanceof ZipRefused ? err.message : `other: ${err.message}`),
  );

async function text(reader: ZipReader, name: string): Promise<string> {
  const entry = reader.entries.find((e) => e.name === name)!;
  return (await reader.readAll(entry, 1 << 20)).toString();
}

describe('ZipReader', () => {
  it('lists entries and inflates deflated and stored ones through range reads', async () => {
    const big = Buffer.alloc(200_000, 'abc');
    const zip = buildZip([
      { name: 'products.csv', data: Buffer.from('sku,name\nA1,Shirt\n') },
      { name: 'A1/', data: Buffer.alloc(0), store: true },
      { name: 'A1/cover.png', data: Buffer.from('png-bytes'), store: true },
      { name: 'A1/big.txt', data: big, store: true },
    ]);
    const source = bufferSource(zip);
    const reader = await ZipReader.open(source, LIMITS);
    expect(reader.entries.map((e) => [e.name, e.isDirectory])).toEqual([
      ['products.csv', false],
      ['A1/', true],
      ['A1/cover.png', false],
      ['A1/big.txt', false],
    ]);
    expect(await text(reader, 'products.csv')).toBe('sku,name\nA1,Shirt\n');
    expect(await text(reader, 'A1/cover.png')).toBe('png-bytes');
    expect((await reader.readAll(reader.entries[3], 1 << 20)).equals(big)).toBe(true);
    // Nothing read whole: every read is a bounded range.
    for (const [start, end] of source.reads) expect(end - start).toBeLessThan(zip.length);
  });

  it.each([
    ['../evil.sh', 'parent-directory'],
    ['A1/../../etc/passwd', 'parent-directory'],
    ['/etc/passwd', 'absolute'],
    ['C:/windows/x', 'drive-letter'],
    ['A1\\..\\x', 'backslash'],
  ])('refuses the zip-slip entry %s', async (name, reason) => {
    const message = await refusal(
      open([
        { name: 'ok.csv', data: Buffer.from('sku\n') },
        { name, data: Buffer.from('x') },
      ]),
    );
    expect(message).toContain('zip-slip');
    expect(message).toContain(reason);
  });

  it('refuses too many entries, too large entries and totals, and high compression ratios', async () => {
    const many = Array.from({ length: 11 }, (_, i) => ({ name: `f${i}.txt`, data: Buffer.from('x') }));
    expect(await refusal(open(many))).toBe('The ZIP has 11 entries; at most 10 are allowed');
    expect(await refusal(open([{ name: 'big.bin', data: Buffer.alloc(1024 * 1024 + 1, 1), store: true }]))).toContain(
      'at most 1048576 per file',
    );
    const halves = [0, 1, 2].map((i) => ({ name: `p${i}.bin`, data: Buffer.alloc(800 * 1024, i), store: true }));
    expect(await refusal(open(halves))).toContain('uncompresses to more than 2097152 bytes');
    const bomb = await refusal(open([{ name: 'zeros.bin', data: Buffer.alloc(1024 * 1024) }]));
    expect(bomb).toMatch(/"zeros\.bin" has a compression ratio of \d+:1; at most 50:1 is allowed \(zip bomb\)/);
  });

  it('stops an entry that inflates beyond its declared size', async () => {
    const reader = await open([{ name: 'liar.bin', data: Buffer.alloc(500_000, 7), declaredSize: 1000 }], {
      ...LIMITS,
      maxRatio: 1e9,
    });
    expect(await refusal(reader.readAll(reader.entries[0], 1 << 20))).toContain(
      'inflates to more than its declared 1000 bytes',
    );
  });

  it('refuses what is not a ZIP, and corrupt data', async () => {
    expect(await refusal(ZipReader.open(bufferSource(Buffer.alloc(100, 1)), LIMITS))).toContain('not a ZIP archive');
    expect(await refusal(ZipReader.open(bufferSource(Buffer.alloc(5)), LIMITS))).toContain('too short');
    const zip = buildZip([{ name: 'a.txt', data: Buffer.from('hello world'), store: true }]);
    zip[30 + 'a.txt'.length] ^= 0xff; // flip the first data byte
    const reader = await ZipReader.open(bufferSource(zip), LIMITS);
    expect(await refusal(reader.readAll(reader.entries[0], 100))).toContain('CRC mismatch');
  });
});
