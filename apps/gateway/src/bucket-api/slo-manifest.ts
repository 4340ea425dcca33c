import { containerNameSchema, DomainError, objectNameSchema } from '@mp/contracts';
import { createHash } from 'node:crypto';

/** Swift's SLO limits, advertised in `GET /info`. */
export const SLO_LIMITS = {
  max_manifest_segments: 1000,
  max_manifest_size: 8 * 1024 * 1024,
  min_segment_size: 1,
  yield_frequency: 10,
} as const;

/** A byte range of a segment as the manifest writes it (`"a-b"`, `"a-"`, `"-n"`). */
export type SegmentRange = { start: number; end?: number } | { suffix: number };

/** One segment of a `?multipart-manifest=put` body, validated. */
export interface SloSegmentInput {
  container: string;
  object: string;
  etag: string | null;
  size_bytes: number | null;
  range: SegmentRange | null;
}

/** One segment as stored (and answered by `?multipart-manifest=get`), Swift's own format. */
export interface StoredSegment {
  name: string;
  hash: string;
  bytes: number;
  content_type: string;
  last_modified: string;
  /** `start-end` of the segment, inclusive, when only part of it is used. */
  range?: string;
}

const ALLOWED_KEYS = new Set(['path', 'etag', 'size_bytes', 'range']);
const bad = (message: string) => new DomainError('ValidationFailed', message, {});

/**
 * The body of `PUT ?multipart-manifest=put` checked as Swift's SLO middleware checks it, with its
 * wording: a JSON list of `{path, etag?, size_bytes?, range?}`, `path` `/container/object`, not the
 * manifest itself, every segment but the last at least one byte. All the faults are reported at once.
 */
export function parseSloManifest(body: string, self: { container: string; object: string }): SloSegmentInput[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    throw bad('Manifest must be valid JSON.');
  }
  if (!Array.isArray(parsed)) throw bad('Manifest must be a list.');
  if (parsed.length === 0) throw bad('Manifest must have at least one segment.');
  if (parsed.length > SLO_LIMITS.max_manifest_segments) {
    throw new DomainError('PayloadTooLarge', `Number of segments must be <= ${SLO_LIMITS.max_manifest_segments}`, {});
  }
  const errors: string[] = [];
  const segments: SloSegmentInput[] = [];
  parsed.forEach((item: unknown, index) => {
    const result = parseSegment(item, index === parsed.length - 1, self);
    if (typeof result === 'string') errors.push(`Index ${index}: ${result}`);
    else segments.push(result);
  });
  if (errors.length > 0) throw bad(errors.join('\n'));
  return segments;
}

function parseSegment(
  item: unknown,
  last: boolean,
  self: { container: string; object: string },
): SloSegmentInput | string {
  if (typeof item !== 'object' || item === null || Array.isArray(item)) return 'not a JSON object';
  const seg = item as Record<string, unknown>;
  if ('data' in seg) return 'inline data segments are not supported';
  if (!('path' in seg)) return 'expected keys to include path';
  const extra = Object.keys(seg).filter((k) => !ALLOWED_KEYS.has(k));
  if (extra.length > 0) return `extraneous keys ${extra.map((k) => `"${k}"`).join(', ')}`;
  if (typeof seg.path !== 'string') return '"path" must be a string';
  if (!(seg.etag === undefined || seg.etag === null || typeof seg.etag === 'string')) {
    return '"etag" must be a string or null (if provided)';
  }
  const names = segmentPath(seg.path);
  if (!names) return 'path does not refer to an object. Path must be of the form /container/object.';
  let size: number | null = null;
  if (seg.size_bytes !== undefined && seg.size_bytes !== null) {
    size = Number(seg.size_bytes);
    if (typeof seg.size_bytes === 'boolean' || !Number.isSafeInteger(size) || size < 0) return 'invalid size_bytes';
    if (size < SLO_LIMITS.min_segment_size && !last) return 'too small; each segment must be at least 1 byte.';
  }
  if (names.container === self.container && names.object === self.object) {
    return 'manifest must not include itself as a segment';
  }
  let range: SegmentRange | null = null;
  if (seg.range !== undefined && seg.range !== null && seg.range !== '') {
    if (typeof seg.range !== 'string') return 'invalid range';
    if (seg.range.includes(',')) return 'multiple ranges (only one allowed)';
    const parsedRange = parseRange(seg.range);
    if (!parsedRange) return 'invalid range';
    if (size !== null && !resolveRange(parsedRange, size)) return 'unsatisfiable range';
    range = parsedRange;
  }
  const etag = typeof seg.etag === 'string' && seg.etag !== '' ? seg.etag.replace(/"/g, '').toLowerCase() : null;
  return { ...names, etag, size_bytes: size, range };
}

/** `/container/object` (leading `/` optional, not percent-encoded: Swift takes it as it is). */
function segmentPath(path: string): { container: string; object: string } | undefined {
  const trimmed = path.replace(/^\/+/, '');
  const slash = trimmed.indexOf('/');
  if (slash <= 0) return undefined;
  const container = containerNameSchema.safeParse(trimmed.slice(0, slash));
  const object = objectNameSchema.safeParse(trimmed.slice(slash + 1));
  return container.success && object.success ? { container: container.data, object: object.data } : undefined;
}

function parseRange(value: string): SegmentRange | undefined {
  const match = /^\s*(\d*)\s*-\s*(\d*)\s*$/.exec(value);
  if (!match || (match[1] === '' && match[2] === '')) return undefined;
  if (match[1] === '') return { suffix: Number(match[2]) };
  const start = Number(match[1]);
  if (match[2] === '') return { start };
  const end = Number(match[2]);
  return end < start ? undefined : { start, end };
}

/** The inclusive `[start, end]` of `range` in a segment of `size` bytes, or undefined if unsatisfiable. */
export function resolveRange(range: SegmentRange, size: number): [number, number] | undefined {
  if ('suffix' in range) return range.suffix > 0 && size > 0 ? [Math.max(0, size - range.suffix), size - 1] : undefined;
  if (range.start >= size) return undefined;
  return [range.start, Math.min(range.end ?? size - 1, size - 1)];
}

/** The `[start, end]` of a stored segment (its `range`, else the whole segment). */
export function storedSpan(segment: StoredSegment): [number, number] {
  if (!segment.range) return [0, segment.bytes - 1];
  const [start, end] = segment.range.split('-').map(Number) as [number, number];
  return [start, end];
}

/** Swift's SLO ETag: the MD5 of the segments' ETags (`etag:range;` for a ranged one), hex. */
export function sloEtag(segments: StoredSegment[]): string {
  const md5 = createHash('md5');
  for (const s of segments) md5.update(s.range ? `${s.hash}:${s.range};` : s.hash);
  return md5.digest('hex');
}

export const sloSize = (segments: StoredSegment[]) =>
  segments.reduce((sum, s) => {
    const [start, end] = storedSpan(s);
    return sum + (end - start + 1);
  }, 0);

/** The stored manifest in the `?multipart-manifest=put` format (`?multipart-manifest=get&format=raw`). */
export const rawManifest = (segments: StoredSegment[]) =>
  segments.map((s) => ({ path: s.name, etag: s.hash, size_bytes: s.bytes, ...(s.range ? { range: s.range } : {}) }));

/** Reads a stored manifest back; anything else is a fault of the store, not of the client. */
export function parseStoredManifest(text: string): StoredSegment[] {
  const parsed = JSON.parse(text) as unknown;
  if (!Array.isArray(parsed)) throw new Error('A stored SLO manifest is not a list');
  return parsed as StoredSegment[];
}

/** `name` of a stored segment split into its container and object. */
export function storedNames(segment: StoredSegment): { container: string; object: string } {
  const names = segmentPath(segment.name);
  if (!names) throw new Error(`A stored SLO segment has an invalid path: ${segment.name}`);
  return names;
}
