export type PortalTarget =
  { kind: 'file'; path: string } | { kind: 'index' } | { kind: 'missing' } | { kind: 'redirect'; location: string };

const PREFIX = '/portal';

/**
 * What a GET under `/portal` answers: a file of the build when the path names one exactly; the
 * app's index.html for any other page path (the app has one page; its sections are state, not
 * URLs); a 404 page for a missing file (a path whose last segment has an extension).
 */
export function resolvePortalTarget(url: string, files: ReadonlySet<string>): PortalTarget {
  const path = url.split('?')[0]!;
  if (path === PREFIX) return { kind: 'redirect', location: `${PREFIX}/` };
  let relative: string;
  try {
    relative = decodeURIComponent(path.slice(PREFIX.length + 1));
  } catch {
    return { kind: 'missing' };
  }
  if (relative === '' || relative === 'index.html') return { kind: 'index' };
  if (files.has(relative)) return { kind: 'file', path: relative };
  const last = relative.split('/').pop() ?? '';
  return last.includes('.') ? { kind: 'missing' } : { kind: 'index' };
}
