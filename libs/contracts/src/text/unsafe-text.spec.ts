import { findUnsafeText, isUnsafeText } from './unsafe-text';

describe('unsafe text', () => {
  it('refuses NUL and unpaired surrogates, keeps every valid string', () => {
    for (const bad of ['\u0000', 'a\u0000', '\ud800', 'x\udfff', '\udc00\ud800', 'ok\ud83d'])
      expect(isUnsafeText(bad)).toBe(true);
    for (const good of ['', 'plain', '😀', 'e\u0301', '\u0001\u007f', '日本語', '\ud83d\ude00x'])
      expect(isUnsafeText(good)).toBe(false);
  });

  it('names the first offending field, in values and in keys, at any depth', () => {
    expect(findUnsafeText({ a: 'ok', b: { c: ['x', 'y\u0000'] } })).toEqual(['b', 'c', '1']);
    expect(findUnsafeText({ meta: { 'k\ud800': 'v' } })).toEqual(['meta', 'k\ud800']);
    expect(findUnsafeText({ a: 1, b: null, c: [true] })).toBeUndefined();
    expect(findUnsafeText('\u0000')).toEqual([]);
  });
});
