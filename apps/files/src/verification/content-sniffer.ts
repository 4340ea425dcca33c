/** Bytes needed by `sniffContentType` (tar's magic sits at offset 257). */
export const SNIFF_BYTES = 4100;

const ascii = (buf: Buffer, start: number, end: number) => buf.subarray(start, end).toString('latin1');
const startsWith = (buf: Buffer, bytes: number[], offset = 0) => bytes.every((b, i) => buf[offset + i] === b);

/** The content type the bytes prove, from magic numbers; null when they prove nothing. */
export function sniffContentType(head: Buffer): string | null {
  if (head.length === 0) return null;
  if (startsWith(head, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (startsWith(head, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (ascii(head, 0, 6) === 'GIF87a' || ascii(head, 0, 6) === 'GIF89a') return 'image/gif';
  if (ascii(head, 0, 4) === 'RIFF') return riffType(ascii(head, 8, 12));
  if (ascii(head, 4, 8) === 'ftyp') return isoBmffType(ascii(head, 8, 12));
  if (ascii(head, 0, 5) === '%PDF-') return 'application/pdf';
  if (startsWith(head, [0x50, 0x4b]) && [0x0304, 0x0506, 0x0708].includes(head.readUInt16BE(2)))
    return 'application/zip';
  if (startsWith(head, [0x1f, 0x8b])) return 'application/gzip';
  if (ascii(head, 0, 4) === 'OggS') return 'audio/ogg';
  if (ascii(head, 0, 4) === 'fLaC') return 'audio/flac';
  if (
    ascii(head, 0, 3) === 'ID3' ||
    (head[0] === 0xff && head.length > 1 && (head[1] & 0xe0) === 0xe0 && (head[1] & 0x06) !== 0)
  )
    return 'audio/mpeg';
  if (startsWith(head, [0x1a, 0x45, 0xdf, 0xa3]))
    return ascii(head, 0, 64).includes('webm') ? 'video/webm' : 'video/x-matroska';
  if (ascii(head, 0, 4) === 'II*\u0000' || ascii(head, 0, 4) === 'MM\u0000*') return 'image/tiff';
  if (ascii(head, 0, 2) === 'BM' && head.length >= 26) return 'image/bmp';
  if (startsWith(head, [0x00, 0x00, 0x01, 0x00]) && head.length >= 6) return 'image/x-icon';
  if (head.length > 262 && ascii(head, 257, 262) === 'ustar') return 'application/x-tar';
  return textType(head);
}

function riffType(form: string): string | null {
  if (form === 'WEBP') return 'image/webp';
  if (form === 'WAVE') return 'audio/wav';
  if (form === 'AVI ') return 'video/x-msvideo';
  return null;
}

function isoBmffType(brand: string): string {
  if (brand === 'avif' || brand === 'avis') return 'image/avif';
  if (['heic', 'heix', 'heim', 'heis', 'mif1', 'msf1'].includes(brand)) return 'image/heic';
  if (brand === 'qt  ') return 'video/quicktime';
  if (brand === 'M4A ' || brand === 'M4B ') return 'audio/mp4';
  return 'video/mp4';
}

function textType(head: Buffer): string | null {
  if (head.includes(0)) return null;
  const text = new TextDecoder('utf-8', { fatal: false }).decode(head);
  // More than a few replacement characters means binary, not text.
  const replacements = (text.match(/\uFFFD/g) ?? []).length;
  if (replacements > 4) return null;
  const start = text.trimStart().slice(0, 512).toLowerCase();
  if (start.startsWith('<svg') || (start.startsWith('<?xml') && start.includes('<svg'))) return 'image/svg+xml';
  if (start.startsWith('<?xml')) return 'application/xml';
  if (start.startsWith('<!doctype html') || start.startsWith('<html')) return 'text/html';
  if (start.startsWith('{') || start.startsWith('[')) return 'application/json';
  return 'text/plain';
}

const TEXTUAL = (type: string) =>
  type.startsWith('text/') || ['application/json', 'application/xml', 'image/svg+xml'].includes(type);

/** Types whose bytes we can recognise; a declared type outside this set cannot be checked. */
const RECOGNISABLE = new Set([
  'image/png',
  'image/jpeg',
  'image/gif',
  'image/webp',
  'image/avif',
  'image/heic',
  'image/heif',
  'image/tiff',
  'image/bmp',
  'image/x-icon',
  'audio/wav',
  'audio/mpeg',
  'audio/ogg',
  'audio/flac',
  'audio/mp4',
  'video/mp4',
  'video/quicktime',
  'video/webm',
  'video/x-matroska',
  'video/x-msvideo',
  'application/pdf',
  'application/zip',
  'application/gzip',
  'application/x-tar',
]);

export interface ContentCheck {
  ok: boolean;
  /** The type recorded for the file when ok. */
  contentType: string;
  reason?: string;
}

/**
 * Compares what the session declared (by filename) with what the bytes are. A recognisable declared
 * type must be backed by bytes of the same kind (an image must be an image); text must be text.
 */
export function checkContent(declared: string, sniffed: string | null): ContentCheck {
  if (declared === 'application/octet-stream')
    return { ok: true, contentType: sniffed && !TEXTUAL(sniffed) ? sniffed : declared };
  if (TEXTUAL(declared)) {
    return sniffed && TEXTUAL(sniffed)
      ? { ok: true, contentType: declared }
      : { ok: false, contentType: declared, reason: `declared ${declared} but the bytes are ${sniffed ?? 'binary'}` };
  }
  if (!RECOGNISABLE.has(declared)) return { ok: true, contentType: declared };
  if (!sniffed)
    return {
      ok: false,
      contentType: declared,
      reason: `declared ${declared} but the bytes are not a recognised ${declared.split('/')[0]} format`,
    };
  const sameFamily = declared.split('/')[0] === sniffed.split('/')[0] && !declared.startsWith('application/');
  if (sniffed === declared || sameFamily || (declared === 'image/heif' && sniffed === 'image/heic'))
    return { ok: true, contentType: sniffed };
  return { ok: false, contentType: declared, reason: `declared ${declared} but the bytes are ${sniffed}` };
}
