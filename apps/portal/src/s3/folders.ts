import type { StoredFile } from '../api/s3.api';

export interface Listing {
  /** Sub-folders of the prefix seen on this page (`prefix` + name + `/`). */
  folders: string[];
  /** Files directly in the prefix. */
  files: StoredFile[];
}

/** A flat page of keys under `prefix` as folders and files of that level (keys have `/` separators). */
export function folderListing(prefix: string, files: readonly StoredFile[]): Listing {
  const folders = new Set<string>();
  const direct: StoredFile[] = [];
  for (const file of files) {
    if (!file.key.startsWith(prefix)) continue;
    const rest = file.key.slice(prefix.length);
    const slash = rest.indexOf('/');
    if (slash >= 0) folders.add(`${prefix}${rest.slice(0, slash + 1)}`);
    else direct.push(file);
  }
  return { folders: [...folders].sort(), files: direct };
}

/** The folder above `prefix` (`a/b/` → `a/`, `a/` → ``). */
export function parentPrefix(prefix: string): string {
  const trimmed = prefix.replace(/\/$/, '');
  const slash = trimmed.lastIndexOf('/');
  return slash < 0 ? '' : trimmed.slice(0, slash + 1);
}

/** A folder as the user types it: no leading slash, one trailing slash (or empty for the root). */
export function normalizePrefix(raw: string): string {
  const trimmed = raw.trim().replace(/^\/+/, '');
  return trimmed === '' || trimmed.endsWith('/') ? trimmed : `${trimmed}/`;
}
