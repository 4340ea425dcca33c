/** An inclusive byte range of an object of known size. */
export interface SatisfiableRange {
  start: number;
  end: number;
}

export type RangeRequest =
  { kind: 'whole' } | { kind: 'unsatisfiable' } | { kind: 'ranges'; ranges: SatisfiableRange[] };

/** More ranges than this in one request are served as the whole object (a cheap guard against range amplification). */
const MAX_RANGES = 16;

/**
 * The `Range` header of a GET (RFC 9110 §14.1.2) against an object of `size` bytes, parsed here
 * because no range parser is among the project's dependencies. A header that is absent, not in
 * bytes or malformed is ignored (the whole object is sent), as the RFC allows; a valid one of which
 * no range overlaps the object is unsatisfiable (416).
 */
export function parseRange(header: string | undefined, size: number): RangeRequest {
  if (header === undefined) return { kind: 'whole' };
  const match = /^\s*bytes\s*=\s*(.+)$/i.exec(header);
  if (!match) return { kind: 'whole' };
  const specs = match[1]!.split(',').map((s) => s.trim());
  if (specs.length > MAX_RANGES) return { kind: 'whole' };
  const ranges: SatisfiableRange[] = [];
  for (const spec of specs) {
    const parts = /^(\d*)\s*-\s*(\d*)$/.exec(spec);
    if (!parts || (parts[1] === '' && parts[2] === '')) return { kind: 'whole' };
    const [, first, last] = parts;
    if (first === '') {
      const suffix = Number(last);
      if (suffix > 0 && size > 0) ranges.push({ start: Math.max(0, size - suffix), end: size - 1 });
      continue;
    }
    const start = Number(first);
    if (last !== '' && Number(last) < start) return { kind: 'whole' };
    if (start < size) ranges.push({ start, end: last === '' ? size - 1 : Math.min(Number(last), size - 1) });
  }
  return ranges.length === 0 ? { kind: 'unsatisfiable' } : { kind: 'ranges', ranges };
}
