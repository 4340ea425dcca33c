/** Vite's hashed output: `assets/<name>-<hash>.<ext>` never changes content under the same name. */
const HASHED_ASSET = /^assets\/[^/]+-[A-Za-z0-9_-]{8,}\.[a-z0-9]+$/;

/** Hashed assets are cached for a year; everything else (index.html above all) is revalidated on every load. */
export function portalCacheControl(relativePath: string): string {
  return HASHED_ASSET.test(relativePath) ? 'public, max-age=31536000, immutable' : 'no-cache';
}
