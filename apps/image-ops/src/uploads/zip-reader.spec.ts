import { crc32, deflateRawSync } from 'node:zlib';
import { readZip, ZipLimits, ZipRefused } from './zip-reader';

/** A minimal zip writer for the tests (deflated or stored entries), sizes as declared unless overridden. */
function zip(entries: Array<{ name: string; data: Buffer; store?: boolean; declaredSize?: number }>): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const body = e.store ? e.data : deflateRawSync(e.data);
    const name = Buffer.from(e.name, 'utf8');
    const size = e.declaredSize ?? e.data.length;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(e.store ? 0 : 8, 8);
    local.writeUInt32LE(crc32(e.data), 14);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(e.store ? 0 : 8, 10);
    central.writeUInt32LE(crc32(e.data), 16);
    central.writeUInt32LE(body.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, body);
    centrals.push(central, name);
    offset += 30 + name.length + body.length;
  }
  const cd = Buffer.concat(centrals);
  const eocd = Buffer.alloc(22);
  eocd.writeUInt32LE(0x06054b50, 0);
  eocd.writeUInt16LE(entries.length, 8);
  eocd.writeUInt16LE(entries.length, 10);
  eocd.writeUInt32LE(cd.length, 12);
  eocd.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, eocd]);
}

const limits: ZipLimits = { maxEntries: 10, maxTotalBytes: 10_000, maxEntryBytes: 5_000, maxRatio: 50 };

describe('readZip', () => {
  it('reads deflated and stored entries, skipping directories and resource forks', () => {
    const entries = readZip(
      zip([
        { name: 'a.png', data: Buffer.from('first image bytes') },
        { name: 'sub/', data: Buffer.alloc(0), store: true },
        { name: 'sub/b.png', data: Buffer.from('second'), store: true },
        { name: '__MACOSX/._a.png', data: Buffer.from('fork') },
      ]),
      limits,
    );
    expect(entries.map((e) => [e.name, e.read().toString()])).toEqual([
      ['a.png', 'first image bytes'],
      ['sub/b.png', 'second'],
    ]);
  });

  it.each(['../evil.png', '/etc/passwd', 'a/../../b.png', 'a\\b.png', 'C:/x.png'])(
    'refuses the unsafe name %s (zip slip)',
    (name) => {
      expect(() => readZip(zip([{ name, data: Buffer.from('x') }]), limits)).toThrow(ZipRefused);
    },
  );

  it('refuses too many entries, too many bytes, and extreme compression ratios before inflating', () => {
    const many = Array.from({ length: 11 }, (_, i) => ({ name: `${i}.png`, data: Buffer.from('x') }));
    expect(() => readZip(zip(many), limits)).toThrow(/11 entries/);
    expect(() =>
      readZip(zip([{ name: 'big.png', data: Buffer.alloc(6_000, 1) }]), { ...limits, maxRatio: 1e9 }),
    ).toThrow(/per file/);
    const three = [1, 2, 3].map((i) => ({ name: `${i}.png`, data: Buffer.alloc(4_000, i) }));
    expect(() => readZip(zip(three), { ...limits, maxRatio: 1e9 })).toThrow(/uncompressed/);
    expect(() => readZip(zip([{ name: 'bomb.png', data: Buffer.alloc(4_000, 0) }]), limits)).toThrow(/ratio/);
  });

  it('refuses an entry that inflates past its declared size (a lying header)', () => {
    const [liar] = readZip(zip([{ name: 'liar.png', data: Buffer.alloc(3_000, 7), declaredSize: 100 }]), {
      ...limits,
      maxRatio: 1e9,
    });
    expect(() => liar.read()).toThrow(/declared size/);
  });

  it('refuses what is not a zip', () => {
    expect(() => readZip(Buffer.from('definitely not a zip archive at all'), limits)).toThrow(/Not a zip/);
  });
});
