import { DomainError } from '@mp/contracts';
import { createHash } from 'node:crypto';
import { parseSloManifest, rawManifest, resolveRange, sloEtag, sloSize, StoredSegment } from './slo-manifest';

const self = { container: 'c', object: 'big' };
const faultOf = (body: unknown) => {
  try {
    parseSloManifest(typeof body === 'string' ? body : JSON.stringify(body), self);
  } catch (err) {
    return (err as DomainError).message;
  }
  throw new Error('no fault');
};
const md5 = (s: string) => createHash('md5').update(s).digest('hex');

describe('SLO manifests', () => {
  it('parses segments: path split, etag unquoted and lowercased, size and range optional', () => {
    expect(
      parseSloManifest(
        JSON.stringify([
          { path: '/segs/a/b', etag: '"ABC"', size_bytes: 3 },
          { path: 'segs/c', etag: null, size_bytes: null, range: '-2' },
        ]),
        self,
      ),
    ).toEqual([
      { container: 'segs', object: 'a/b', etag: 'abc', size_bytes: 3, range: null },
      { container: 'segs', object: 'c', etag: null, size_bytes: null, range: { suffix: 2 } },
    ]);
  });

  it("reports every fault at once in Swift's words", () => {
    expect(faultOf('{')).toBe('Manifest must be valid JSON.');
    expect(faultOf({ a: 1 })).toBe('Manifest must be a list.');
    expect(faultOf([1, { path: 'x' }, { path: '/c/big' }, { path: '/c/o', size_bytes: 'x' }])).toBe(
      [
        'Index 0: not a JSON object',
        'Index 1: path does not refer to an object. Path must be of the form /container/object.',
        'Index 2: manifest must not include itself as a segment',
        'Index 3: invalid size_bytes',
      ].join('\n'),
    );
    expect(
      faultOf([
        { path: '/c/o', size_bytes: 0 },
        { path: '/c/p', size_bytes: 0 },
      ]),
    ).toBe('Index 0: too small; each segment must be at least 1 byte.');
    expect(faultOf([{ path: '/c/o', range: '5-', size_bytes: 5 }])).toBe('Index 0: unsatisfiable range');
    expect(() => parseSloManifest(JSON.stringify(Array(1001).fill({ path: '/c/o' })), self)).toThrow(
      'Number of segments must be <= 1000',
    );
  });

  it('resolves ranges against a segment size', () => {
    expect(resolveRange({ start: 2, end: 100 }, 10)).toEqual([2, 9]);
    expect(resolveRange({ start: 10 }, 10)).toBeUndefined();
    expect(resolveRange({ suffix: 4 }, 10)).toEqual([6, 9]);
    expect(resolveRange({ suffix: 40 }, 10)).toEqual([0, 9]);
  });

  it("computes Swift's SLO ETag and size, ranged segments included", () => {
    const segments: StoredSegment[] = [
      { name: '/c/a', hash: md5('a'), bytes: 5, content_type: 't', last_modified: '' },
      { name: '/c/b', hash: md5('b'), bytes: 10, content_type: 't', last_modified: '', range: '2-4' },
    ];
    expect(sloEtag(segments)).toBe(md5(`${md5('a')}${md5('b')}:2-4;`));
    expect(sloSize(segments)).toBe(8);
    expect(rawManifest(segments)[1]).toEqual({ path: '/c/b', etag: md5('b'), size_bytes: 10, range: '2-4' });
  });
});
