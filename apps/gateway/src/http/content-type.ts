/** Types busboy reports for a part that declared none, or that say nothing about the bytes. */
const UNINFORMATIVE = new Set(['application/octet-stream', 'text/plain', 'binary/octet-stream']);

const BY_EXTENSION: Record<string, string> = {
  avif: 'image/avif',
  bmp: 'image/bmp',
  csv: 'text/csv',
  gif: 'image/gif',
  gz: 'application/gzip',
  heic: 'image/heic',
  htm: 'text/html',
  html: 'text/html',
  jpeg: 'image/jpeg',
  jpg: 'image/jpeg',
  js: 'text/javascript',
  json: 'application/json',
  md: 'text/markdown',
  mov: 'video/quicktime',
  mp3: 'audio/mpeg',
  mp4: 'video/mp4',
  pdf: 'application/pdf',
  png: 'image/png',
  svg: 'image/svg+xml',
  tif: 'image/tiff',
  tiff: 'image/tiff',
  txt: 'text/plain',
  wav: 'audio/wav',
  webm: 'video/webm',
  webp: 'image/webp',
  xml: 'application/xml',
  zip: 'application/zip',
};

/**
 * The Content-Type to store: the part's declared type, unless it is a generic one (or absent,
 * which multipart parsers report as text/plain), in which case the key's extension decides.
 */
export function storedContentType(declared: string | undefined, key: string): string {
  const type = declared?.trim().toLowerCase();
  if (type && !UNINFORMATIVE.has(type) && /^[a-z0-9!#$&^_.+-]+\/[a-z0-9!#$&^_.+-]+$/.test(type)) return type;
  const extension = /\.([a-z0-9]+)$/i.exec(key)?.[1]?.toLowerCase();
  return (
    (extension && BY_EXTENSION[extension]) ?? (type && UNINFORMATIVE.has(type) ? type : 'application/octet-stream')
  );
}
