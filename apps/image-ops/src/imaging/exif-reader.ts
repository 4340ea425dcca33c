/** What image-ops reads from EXIF: when the picture was taken and where. */
export interface ExifFacts {
  takenAt: Date | null;
  lat: number | null;
  lng: number | null;
}

const NONE: ExifFacts = { takenAt: null, lat: null, lng: null };
const TYPE_SIZE: Record<number, number> = { 1: 1, 2: 1, 3: 2, 4: 4, 5: 8, 7: 1, 9: 4, 10: 8 };

/**
 * Reads DateTimeOriginal (Exif IFD 0x9003, else IFD0 DateTime 0x0132) and the GPS position from an
 * EXIF block (as sharp's `metadata().exif` returns it: `Exif\0\0` + TIFF, or bare TIFF). Anything
 * malformed yields nulls, never an error: EXIF is a hint.
 */
export function readExif(exif: Buffer | undefined): ExifFacts {
  if (!exif || exif.length < 8) return NONE;
  try {
    const tiff = exif.subarray(0, 6).toString('latin1') === 'Exif\u0000\u0000' ? exif.subarray(6) : exif;
    const order = tiff.subarray(0, 2).toString('latin1');
    if (order !== 'II' && order !== 'MM') return NONE;
    const le = order === 'II';
    const u16 = (at: number) => (le ? tiff.readUInt16LE(at) : tiff.readUInt16BE(at));
    const u32 = (at: number) => (le ? tiff.readUInt32LE(at) : tiff.readUInt32BE(at));
    if (u16(2) !== 42) return NONE;

    /** Tag → offset of its value (inline or pointed to), type and count. */
    const ifd = (offset: number) => {
      const tags = new Map<number, { type: number; count: number; at: number }>();
      if (offset <= 0 || offset + 2 > tiff.length) return tags;
      const n = u16(offset);
      for (let i = 0; i < n; i++) {
        const entry = offset + 2 + i * 12;
        if (entry + 12 > tiff.length) break;
        const type = u16(entry + 2);
        const count = u32(entry + 4);
        const size = (TYPE_SIZE[type] ?? 0) * count;
        tags.set(u16(entry), { type, count, at: size <= 4 ? entry + 8 : u32(entry + 8) });
      }
      return tags;
    };
    const ascii = (t: { type: number; count: number; at: number } | undefined) =>
      t && t.type === 2 && t.at + t.count <= tiff.length
        ? tiff
            .subarray(t.at, t.at + t.count)
            .toString('latin1')
            .replace(/\u0000.*$/s, '')
        : null;
    const rationals = (t: { type: number; count: number; at: number } | undefined) => {
      if (!t || t.type !== 5 || t.at + t.count * 8 > tiff.length) return null;
      return Array.from({ length: t.count }, (_, i) => {
        const den = u32(t.at + i * 8 + 4);
        return den === 0 ? NaN : u32(t.at + i * 8) / den;
      });
    };

    const ifd0 = ifd(u32(4));
    const exifIfd = ifd0.has(0x8769) ? ifd(u32(ifd0.get(0x8769)!.at)) : new Map();
    const gps = ifd0.has(0x8825) ? ifd(u32(ifd0.get(0x8825)!.at)) : new Map();
    const takenAt = parseExifDate(ascii(exifIfd.get(0x9003)) ?? ascii(ifd0.get(0x0132)));
    const coordinate = (ref: number, value: number, negative: string) => {
      const dms = rationals(gps.get(value));
      if (!dms || dms.length < 3 || dms.some((x) => !Number.isFinite(x))) return null;
      const degrees = dms[0] + dms[1] / 60 + dms[2] / 3600;
      return ascii(gps.get(ref))?.toUpperCase() === negative ? -degrees : degrees;
    };
    const lat = coordinate(1, 2, 'S');
    const lng = coordinate(3, 4, 'W');
    const valid = lat !== null && lng !== null && Math.abs(lat) <= 90 && Math.abs(lng) <= 180;
    return { takenAt, lat: valid ? round(lat) : null, lng: valid ? round(lng) : null };
  } catch {
    return NONE;
  }
}

/** `2016:02:26 15:56:50` (no zone in EXIF: read as UTC). */
function parseExifDate(value: string | null): Date | null {
  const m = value ? /^(\d{4}):(\d{2}):(\d{2}) (\d{2}):(\d{2}):(\d{2})/.exec(value) : null;
  if (!m) return null;
  const date = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4], +m[5], +m[6]));
  return Number.isNaN(date.getTime()) || +m[1] < 1900 ? null : date;
}

function round(value: number): number {
  return Math.round(value * 1e7) / 1e7;
}
