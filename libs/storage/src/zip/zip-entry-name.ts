/**
 * Whether an entry name is a safe relative path: no absolute paths, drive letters, backslashes,
 * control characters or `..` segments (zip-slip). `strict` also refuses `.` and empty segments
 * (`./a`, `a//b`); a directory's trailing `/` is allowed. Returns the reason it is unsafe, or null.
 */
export function unsafeEntryName(name: string, strict = false): string | null {
  if (name.length === 0) return 'empty name';
  if (name.startsWith('/')) return 'absolute path';
  if (/^[a-zA-Z]:/.test(name)) return 'drive-letter path';
  if (name.includes('\\')) return 'backslash in path';
  if (/[\u0000-\u001f]/.test(name)) return 'control character in path';
  const segments = name.replace(/\/$/, '').split('/');
  if (segments.some((segment) => segment === '..')) return 'parent-directory segment';
  if (strict && segments.some((segment) => segment === '.')) return 'current-directory segment';
  if (strict && segments.some((segment) => segment === '')) return 'empty segment';
  return null;
}
