import { readExif } from './exif-reader';

type Tag = { tag: number; type: 2 | 4 | 5; value: string | number | number[][] };

/** A TIFF/EXIF block with IFD0 → Exif IFD and GPS IFD, in either byte order. */
function exifBlock(le: boolean, ifd0: Tag[], exif: Tag[], gps: Tag[]): Buffer {
  const buf = Buffer.alloc(1024);
  const w16 = (v: number, at: number) => (le ? buf.writeUInt16LE(v, at) : buf.writeUInt16BE(v, at));
  const w32 = (v: number, at: number) => (le ? buf.writeUInt32LE(v, at) : buf.writeUInt32BE(v, at));
  buf.write(le ? 'II' : 'MM', 0, 'latin1');
  w16(42, 2);
  w32(8, 4);
  let heap = 600;
  const writeIfd = (at: number, tags: Tag[]) => {
    w16(tags.length, at);
    tags.forEach((t, i) => {
      const e = at + 2 + i * 12;
      w16(t.tag, e);
      w16(t.type, e + 2);
      if (t.type === 2) {
        const s = `${t.value as string}\u0000`;
        w32(s.length, e + 4);
        if (s.length <= 4) buf.write(s, e + 8, 'latin1');
        else {
          buf.write(s, heap, 'latin1');
          w32(heap, e + 8);
          heap += s.length;
        }
      } else if (t.type === 4) {
        w32(1, e + 4);
        w32(t.value as number, e + 8);
      } else {
        const r = t.value as number[][];
        w32(r.length, e + 4);
        w32(heap, e + 8);
        for (const [n, d] of r) {
          w32(n, heap);
          w32(d, heap + 4);
          heap += 8;
        }
      }
    });
  };
  writeIfd(8, [...ifd0, { tag: 0x8769, type: 4, value: 200 }, { tag: 0x8825, type: 4, value: 400 }]);
  writeIfd(200, exif);
  writeIfd(400, gps);
  return Buffer.concat([Buffer.from('Exif\u0000\u0000', 'latin1'), buf]);
}

const gpsSeoul: Tag[] = [
  { tag: 1, type: 2, value: 'N' },
  {
    tag: 2,
    type: 5,
    value: [
      [37, 1],
      [33, 1],
      [3600, 100],
    ],
  },
  { tag: 3, type: 2, value: 'E' },
  {
    tag: 4,
    type: 5,
    value: [
      [126, 1],
      [58, 1],
      [0, 1],
    ],
  },
];

describe('readExif', () => {
  it.each([true, false])('reads DateTimeOriginal and the GPS position (little endian: %s)', (le) => {
    const facts = readExif(
      exifBlock(
        le,
        [{ tag: 0x0132, type: 2, value: '2020:01:01 00:00:00' }],
        [{ tag: 0x9003, type: 2, value: '2016:02:26 15:56:50' }],
        gpsSeoul,
      ),
    );
    expect(facts.takenAt?.toISOString()).toBe('2016-02-26T15:56:50.000Z');
    expect(facts.lat).toBeCloseTo(37.56, 6);
    expect(facts.lng).toBeCloseTo(126.9666667, 6);
  });

  it('uses IFD0 DateTime without DateTimeOriginal, and negates S/W positions', () => {
    const gps: Tag[] = [
      { tag: 1, type: 2, value: 'S' },
      {
        tag: 2,
        type: 5,
        value: [
          [33, 1],
          [52, 1],
          [0, 1],
        ],
      },
      { tag: 3, type: 2, value: 'W' },
      {
        tag: 4,
        type: 5,
        value: [
          [70, 1],
          [30, 1],
          [0, 1],
        ],
      },
    ];
    const facts = readExif(exifBlock(true, [{ tag: 0x0132, type: 2, value: '2019:05:04 03:02:01' }], [], gps));
    expect(facts).toEqual({
      takenAt: new Date('2019-05-04T03:02:01Z'),
      lat: expect.closeTo(-33.8666667, 6),
      lng: -70.5,
    });
  });

  it('gives nulls for missing, broken or absurd data, never an error', () => {
    expect(readExif(undefined)).toEqual({ takenAt: null, lat: null, lng: null });
    expect(readExif(Buffer.from('Exif\u0000\u0000garbage-garbage', 'latin1'))).toEqual({
      takenAt: null,
      lat: null,
      lng: null,
    });
    const zeroDen = readExif(
      exifBlock(
        true,
        [],
        [{ tag: 0x9003, type: 2, value: '0000:00:00 00:00:00' }],
        [
          {
            tag: 2,
            type: 5,
            value: [
              [1, 0],
              [0, 1],
              [0, 1],
            ],
          },
          {
            tag: 4,
            type: 5,
            value: [
              [1, 1],
              [0, 1],
              [0, 1],
            ],
          },
        ],
      ),
    );
    expect(zeroDen).toEqual({ takenAt: null, lat: null, lng: null });
    const truncated = exifBlock(true, [], [{ tag: 0x9003, type: 2, value: '2016:02:26 15:56:50' }], gpsSeoul).subarray(
      0,
      40,
    );
    expect(readExif(truncated).lat).toBeNull();
  });
});
