import { parseRange } from './byte-range';

describe('parseRange', () => {
  it('reads single, open-ended and suffix ranges, clamped to the object', () => {
    expect(parseRange('bytes=0-9', 100)).toEqual({ kind: 'ranges', ranges: [{ start: 0, end: 9 }] });
    expect(parseRange('bytes=90-', 100)).toEqual({ kind: 'ranges', ranges: [{ start: 90, end: 99 }] });
    expect(parseRange('bytes=-10', 100)).toEqual({ kind: 'ranges', ranges: [{ start: 90, end: 99 }] });
    expect(parseRange('bytes=-500', 100)).toEqual({ kind: 'ranges', ranges: [{ start: 0, end: 99 }] });
    expect(parseRange('bytes=50-500', 100)).toEqual({ kind: 'ranges', ranges: [{ start: 50, end: 99 }] });
  });

  it('reads several ranges and drops the ones past the end', () => {
    expect(parseRange('bytes=0-1, 5-6, 200-300', 100)).toEqual({
      kind: 'ranges',
      ranges: [
        { start: 0, end: 1 },
        { start: 5, end: 6 },
      ],
    });
  });

  it('is unsatisfiable when no range overlaps the object', () => {
    expect(parseRange('bytes=100-', 100)).toEqual({ kind: 'unsatisfiable' });
    expect(parseRange('bytes=200-300,150-', 100)).toEqual({ kind: 'unsatisfiable' });
    expect(parseRange('bytes=-0', 100)).toEqual({ kind: 'unsatisfiable' });
    expect(parseRange('bytes=0-', 0)).toEqual({ kind: 'unsatisfiable' });
  });

  it('ignores absent, other-unit, malformed and excessive headers', () => {
    expect(parseRange(undefined, 100)).toEqual({ kind: 'whole' });
    expect(parseRange('items=0-1', 100)).toEqual({ kind: 'whole' });
    expect(parseRange('bytes=5-1', 100)).toEqual({ kind: 'whole' });
    expect(parseRange('bytes=a-b', 100)).toEqual({ kind: 'whole' });
    expect(parseRange('bytes=-', 100)).toEqual({ kind: 'whole' });
    expect(parseRange(`bytes=${Array.from({ length: 17 }, (_, i) => `${i}-${i}`).join(',')}`, 100)).toEqual({
      kind: 'whole',
    });
  });
});
