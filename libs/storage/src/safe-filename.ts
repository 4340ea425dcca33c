const UNSAFE = /[^\p{L}\p{N}._-]+/gu;
const MAX_NAME_BYTES = 180;

/**
 * A filename safe in object keys and URLs: letters, digits, '.', '_' and '-' only; runs of anything
 * else become '_'; never empty, never a dot-file trick, bounded in bytes (extension kept).
 */
export function safeFilename(filename: string): string {
  const normalized = filename.normalize('NFC').replace(UNSAFE, '_').replace(/_+/g, '_');
  const trimmed = normalized.replace(/^[._]+/, '');
  const name = trimmed.length ? trimmed : 'file';
  return truncateBytes(name, MAX_NAME_BYTES);
}

/**
 * The name a client gives its upload, made safe for an object key: directory traversal prevention
 * (only the last path segment survives, either separator; control characters dropped), then
 * `safeFilename`'s safe characters.
 */
export function sanitizeUploadFilename(filename: string): string {
  const withoutControls = filename.replace(/[\u0000-\u001f\u007f]/g, '');
  const segments = withoutControls.split(/[/\\]+/).filter((s) => s !== '' && s !== '.' && s !== '..');
  return safeFilename(segments.at(-1) ?? 'file');
}

function truncateBytes(name: string, maxBytes: number): string {
  if (Buffer.byteLength(name) <= maxBytes) return name;
  const dot = name.lastIndexOf('.');
  const ext = dot > 0 && name.length - dot <= 16 ? name.slice(dot) : '';
  let stem = name.slice(0, name.length - ext.length);
  while (Buffer.byteLength(stem + ext) > maxBytes) stem = Array.from(stem).slice(0, -1).join('');
  return stem + ext;
}
