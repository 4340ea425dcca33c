import { existsSync, readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

/** Every file of the built portal, as `/`-separated paths relative to its root; empty when it was not built. */
export function listPortalFiles(root: string): Set<string> {
  if (!existsSync(join(root, 'index.html'))) return new Set();
  const entries = readdirSync(root, { recursive: true, withFileTypes: true });
  return new Set(
    entries
      .filter((entry) => entry.isFile())
      .map((entry) => relative(root, join(entry.parentPath, entry.name)).split(sep).join('/')),
  );
}
