import fc from 'fast-check';

/** Strings that have broken parsers before: NUL, lone surrogates, traversal, control characters. */
export const hostileShortString: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    '\u0000',
    'a\u0000b',
    '\ud800',
    'x\udfffy',
    '../../etc/passwd',
    '..\\..\\windows',
    '%00',
    '%C0%AF',
    '\u202e\u0301',
    '😀'.repeat(300),
    '',
    ' ',
    '\r\n\t',
    '<script>alert(1)</script>',
    "' OR 1=1 --",
    '{"$gt":""}',
  ),
  fc.string({ unit: 'binary', maxLength: 64 }),
);

/** The same, or now and then a huge one. */
export const hostileString: fc.Arbitrary<string> = fc.oneof(
  { arbitrary: hostileShortString, weight: 6 },
  { arbitrary: fc.integer({ min: 1_000, max: 200_000 }).map((n) => 'A'.repeat(n)), weight: 1 },
);

/** Any JSON value of a wrong type or a hostile string. */
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  hostileString,
  fc.constantFrom(null, true, false, 0, -1, 1e308, -1e308, 2 ** 53 + 1, 0.5, [], {}, [null], { a: { b: { c: 1 } } }),
  fc.array(hostileString, { maxLength: 5 }),
  fc.dictionary(hostileString, hostileString, { maxKeys: 4 }),
  fc.integer({ min: 1_000, max: 50_000 }).map((n) => Array.from({ length: n }, (_, i) => i)),
);

/** A path segment as a client may send it: percent-encoded hostile text, or raw escapes a client typed. */
export const hostileSegment: fc.Arbitrary<string> = fc.oneof(
  { arbitrary: hostileShortString.map(percentEncoded), weight: 4 },
  {
    arbitrary: fc.constantFrom('%00', '%C0%AF', '..%2F..%2Fx', '%2e%2e', 'a%ZZb', '%', '%ff%fe', '.', '..'),
    weight: 2,
  },
  { arbitrary: fc.constantFrom('x'.repeat(5000), '%41'.repeat(3000)), weight: 1 },
);

/** Percent-encodes every byte; a lone surrogate goes out as its raw (invalid UTF-8) three bytes. */
function percentEncoded(text: string): string {
  let out = '';
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    const bytes =
      code >= 0xd800 && code <= 0xdfff
        ? [0xe0 | (code >> 12), 0x80 | ((code >> 6) & 0x3f), 0x80 | (code & 0x3f)]
        : [...Buffer.from(ch)];
    out += bytes.map((b) => `%${b.toString(16).padStart(2, '0').toUpperCase()}`).join('');
  }
  return out;
}
