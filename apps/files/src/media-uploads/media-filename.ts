import { safeFilename } from '../uploads/object-key';

/**
 * The seed's "directory traversal prevention, safe character enforcement": only the last path
 * segment of what the client calls its file name survives (either separator), then the platform's
 * safe-filename rules (letters, digits, '.', '_', '-'; no leading dots; bounded length).
 */
export function sanitizeMediaFilename(filename: string): string {
  const withoutControls = filename.replace(/[\u0000-\u001f\u007f]/g, '');
  const segments = withoutControls.split(/[/\\]+/).filter((s) => s !== '' && s !== '.' && s !== '..');
  return safeFilename(segments.at(-1) ?? 'file');
}
