import parseExif from 'exif-reader';

/** What image-ops reads from EXIF: when the picture was taken and where. */
export interface ExifFacts {
  takenAt: Date | null;
  lat: number | null;
  lng: number | null;
}

const NONE: ExifFacts = { takenAt: null, lat: null, lng: null };

/**
 * Reads DateTimeOriginal (else IFD0 DateTime) and the GPS position from an EXIF block (as sharp's
 * `metadata().exif` returns it: `Exif\0\0` + TIFF, or bare TIFF). Anything malformed yields nulls,
 * never an error: EXIF is a hint.
 */
export function readExif(exif: Buffer | undefined): ExifFacts {
  if (!exif || exif.length < 8) return NONE;
  try {
    const tags = parseExif(exif);
    const takenAt = validDate(tags.Photo?.DateTimeOriginal) ?? validDate(tags.Image?.DateTime);
    const gps = tags.GPSInfo;
    const lat = coordinate(gps?.GPSLatitude, gps?.GPSLatitudeRef, 'S');
    const lng = coordinate(gps?.GPSLongitude, gps?.GPSLongitudeRef, 'W');
    const valid = lat !== null && lng !== null && Math.abs(lat) <= 90 && Math.abs(lng) <= 180;
    return { takenAt, lat: valid ? round(lat) : null, lng: valid ? round(lng) : null };
  } catch {
    return NONE;
  }
}

/** EXIF dates carry no zone: exif-reader reads them as UTC. Years before 1900 are placeholders. */
function validDate(value: unknown): Date | null {
  if (!(value instanceof Date) || Number.isNaN(value.getTime()) || value.getUTCFullYear() < 1900) return null;
  return value;
}

/** Degrees, minutes, seconds to signed decimal degrees. */
function coordinate(dms: unknown, ref: unknown, negative: string): number | null {
  if (!Array.isArray(dms) || dms.length < 3 || dms.some((x) => typeof x !== 'number' || !Number.isFinite(x)))
    return null;
  const degrees = dms[0] + dms[1] / 60 + dms[2] / 3600;
  return typeof ref === 'string' && ref.toUpperCase().startsWith(negative) ? -degrees : degrees;
}

function round(value: number): number {
  return Math.round(value * 1e7) / 1e7;
}
