import { etagMatches, evaluatePreconditions, rangeAllowed } from './conditional-request';

const lastModified = new Date('2026-01-02T03:04:05.678Z');
const v = { etag: '"abc"', lastModified };
const before = 'Fri, 02 Jan 2026 03:04:04 GMT';
const same = 'Fri, 02 Jan 2026 03:04:05 GMT';

describe('etagMatches', () => {
  it('matches the same tag, weak or strong, in a list, or *', () => {
    expect(etagMatches('"abc"', '"abc"')).toBe(true);
    expect(etagMatches('W/"abc"', '"abc"')).toBe(true);
    expect(etagMatches('"x", "abc"', '"abc"')).toBe(true);
    expect(etagMatches('*', '"abc"')).toBe(true);
  });

  it('does not match another tag or no header', () => {
    expect(etagMatches('"abd"', '"abc"')).toBe(false);
    expect(etagMatches(undefined, '"abc"')).toBe(false);
    expect(etagMatches('', '"abc"')).toBe(false);
  });
});

describe('evaluatePreconditions (RFC 9110 §13.2.2)', () => {
  it('proceeds without conditions', () => expect(evaluatePreconditions({}, v)).toBe('proceed'));

  it('If-Match: strong comparison, 412 when nothing matches', () => {
    expect(evaluatePreconditions({ 'if-match': '"abc"' }, v)).toBe('proceed');
    expect(evaluatePreconditions({ 'if-match': '*' }, v)).toBe('proceed');
    expect(evaluatePreconditions({ 'if-match': '"zzz"' }, v)).toBe('precondition-failed');
    expect(evaluatePreconditions({ 'if-match': 'W/"abc"' }, v)).toBe('precondition-failed');
  });

  it('If-Unmodified-Since only without If-Match', () => {
    expect(evaluatePreconditions({ 'if-unmodified-since': before }, v)).toBe('precondition-failed');
    expect(evaluatePreconditions({ 'if-unmodified-since': same }, v)).toBe('proceed');
    expect(evaluatePreconditions({ 'if-match': '"abc"', 'if-unmodified-since': before }, v)).toBe('proceed');
    expect(evaluatePreconditions({ 'if-unmodified-since': 'not a date' }, v)).toBe('proceed');
  });

  it('If-None-Match: weak comparison, 304 on a match, and it overrides If-Modified-Since', () => {
    expect(evaluatePreconditions({ 'if-none-match': 'W/"abc"' }, v)).toBe('not-modified');
    expect(evaluatePreconditions({ 'if-none-match': '"zzz"' }, v)).toBe('proceed');
    expect(evaluatePreconditions({ 'if-none-match': '"zzz"', 'if-modified-since': same }, v)).toBe('proceed');
  });

  it('If-Modified-Since: 304 unless modified after it (whole seconds)', () => {
    expect(evaluatePreconditions({ 'if-modified-since': same }, v)).toBe('not-modified');
    expect(evaluatePreconditions({ 'if-modified-since': before }, v)).toBe('proceed');
  });

  it('a failed If-Match wins over a matching If-None-Match', () => {
    expect(evaluatePreconditions({ 'if-match': '"zzz"', 'if-none-match': '"abc"' }, v)).toBe('precondition-failed');
  });
});

describe('rangeAllowed (If-Range)', () => {
  it('honours a range without If-Range, or with the current strong tag or exact date', () => {
    expect(rangeAllowed({}, v)).toBe(true);
    expect(rangeAllowed({ 'if-range': '"abc"' }, v)).toBe(true);
    expect(rangeAllowed({ 'if-range': same }, v)).toBe(true);
  });

  it('sends the whole object for another tag, a weak tag or another date', () => {
    expect(rangeAllowed({ 'if-range': '"zzz"' }, v)).toBe(false);
    expect(rangeAllowed({ 'if-range': 'W/"abc"' }, v)).toBe(false);
    expect(rangeAllowed({ 'if-range': before }, v)).toBe(false);
  });
});
