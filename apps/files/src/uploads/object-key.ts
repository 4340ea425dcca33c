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

function truncateBytes(name: string, maxBytes: number): string {
  if (Buffer.byteLength(name) <= maxBytes) return name;
  const dot = name.lastIndexOf('.');
  const ext = dot > 0 && name.length - dot <= 16 ? name.slice(dot) : '';
  let stem = name.slice(0, name.length - ext.length);
  while (Buffer.byteLength(stem + ext) > maxBytes) stem = Array.from(stem).slice(0, -1).join('');
  return stem + ext;
}

/** `<prefix>/<team>/<folder>/<epoch_ms>_<safe filename>`: team-scoped and ordered by time. */
export function buildObjectKey(parts: { prefix: string; teamId: string; folder: string; epochMs: number; filename: string }): string {
  return `${parts.prefix}/${parts.teamId}/${parts.folder}/${parts.epochMs}_${safeFilename(parts.filename)}`;
}

export function extensionOf(filename: string): string | null {
  const dot = filename.lastIndexOf('.');
  if (dot <= 0 || dot === filename.length - 1) return null;
  return filename.slice(dot + 1).toLowerCase();
}
