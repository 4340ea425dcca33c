/**
 * Whether an entry name is a safe relative path: no absolute paths, drive letters, backslashes,
 * control characters or `..` segments (zip-slip). Returns the reason it is unsafe, or null.
 */
export function unsafeEntryName(name: string): string | null {
  if (name.length === 0) return 'empty name';
  if (name.startsWith('/')) return 'absolute path';
  if (/^[a-zA-Z]:/.test(name)) return 'drive-letter path';
  if (name.includes('\\')) return 'backslash in path';
  if (/[\u0000-\u001f]/.test(name)) return 'control character in path';
  if (name.split('/').some((segment) => segment === '..')) return 'parent-directory segment';
  return null;
}
