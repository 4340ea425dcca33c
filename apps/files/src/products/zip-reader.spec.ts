import { buildZip, buildZipWithRawNames, declareEntrySize, entryDataOffset, ZipWriterEntry } from '@mp/testing';
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

const open = async (entries: ZipWriterEntry[], limits = LIMITS) =>
  ZipReader.open(bufferSource(await buildZip(entries)), limits);
/** Archives with names yazl refuses to write (zip-slip). */
const openRaw = async (entries: ZipWriterEntry[], limits = LIMITS) =>
  ZipReader.open(bufferSource(await buildZipWithRawNames(entries)), limits);
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
    const zip = await buildZip([
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
      openRaw([
        { name: 'ok.csv', data: Buffer.from('sku\n') },
        { name, data: Buffer.from('x') },
      ]),
    );
    expect(message).toContain('zip-slip');
    expect(message).toContain('unsafe path'); // the image API's clients look for these words
    expect(message).toContain(reason);
    expect(message).toContain(`"${name}"`);
  });

  it.each([
    ['./a.png', 'current-directory'],
    ['a//b.png', 'empty segment'],
    ['a/./b.png', 'current-directory'],
  ])('with strictNames, also refuses %s', async (name, reason) => {
    const entries = [{ name, data: Buffer.from('x') }];
    expect(await refusal(openRaw(entries))).toBe('accepted');
    const message = await refusal(openRaw(entries, { ...LIMITS, strictNames: true }));
    expect(message).toContain('unsafe path');
    expect(message).toContain(reason);
  });

  it('with strictNames, accepts directories and nested names', async () => {
    const reader = await open(
      [
        { name: 'sub/', data: Buffer.alloc(0) },
        { name: 'sub/deeper/b.png', data: Buffer.from('b') },
      ],
      { ...LIMITS, strictNames: true },
    );
    expect(reader.entries.map((e) => e.name)).toEqual(['sub/', 'sub/deeper/b.png']);
  });

  it('reads UTF-8 names as such', async () => {
    const reader = await open([{ name: 'fotky/Čaj ☕.png', data: Buffer.from('x') }]);
    expect(reader.entries.map((e) => e.name)).toEqual(['fotky/Čaj ☕.png']);
  });

  it('checks the ratio of small entries too when ratioCheckMinBytes is 0', async () => {
    const small = [{ name: 'zeros.png', data: Buffer.alloc(4_000) }];
    expect(await refusal(open(small))).toBe('accepted');
    expect(await refusal(open(small, { ...LIMITS, ratioCheckMinBytes: 0 }))).toMatch(/compression ratio of \d+:1/);
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
    const zip = declareEntrySize(
      await buildZip([{ name: 'liar.bin', data: Buffer.alloc(500_000, 7) }]),
      'liar.bin',
      1000,
    );
    const reader = await ZipReader.open(bufferSource(zip), { ...LIMITS, maxRatio: 1e9 });
    expect(await refusal(reader.readAll(reader.entries[0], 1 << 20))).toContain(
      'inflates to more than its declared 1000 bytes',
    );
  });

  it('refuses what is not a ZIP, and corrupt data', async () => {
    expect(await refusal(ZipReader.open(bufferSource(Buffer.alloc(100, 1)), LIMITS))).toContain('not a ZIP archive');
    expect(await refusal(ZipReader.open(bufferSource(Buffer.alloc(5)), LIMITS))).toContain('too short');
    const zip = await buildZip([{ name: 'a.txt', data: Buffer.from('hello world'), store: true }]);
    zip[entryDataOffset(zip, 'a.txt')] ^= 0xff; // a stored byte changed: only the CRC can tell
    const reader = await ZipReader.open(bufferSource(zip), LIMITS);
    expect(await refusal(reader.readAll(reader.entries[0], 100))).toContain('CRC mismatch');
    // Cut short: the end of central directory is gone.
    expect(await refusal(ZipReader.open(bufferSource(zip.subarray(0, zip.length - 10)), LIMITS))).toContain(
      'not a ZIP archive',
    );
  });

  it('refuses a stored entry whose declared size is larger than its data', async () => {
    const zip = await buildZip([{ name: 'short.bin', data: Buffer.from('12345'), store: true }]);
    const reader = await ZipReader.open(bufferSource(declareEntrySize(zip, 'short.bin', 6)), LIMITS);
    expect(await refusal(reader.readAll(reader.entries[0], 100))).toMatch(/^"short\.bin" is (corrupt|truncated)/);
  });
});
