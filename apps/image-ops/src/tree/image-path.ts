/** Pure path arithmetic of an app's image tree (absolute paths, `/` is the root). */

export function parentOf(path: string): string {
  const i = path.lastIndexOf('/');
  return i <= 0 ? '/' : path.slice(0, i);
}

export function nameOf(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

export function join(folder: string, name: string): string {
  return folder === '/' ? `/${name}` : `${folder}/${name}`;
}

/** `/a/b/c` → [`/`, `/a`, `/a/b`, `/a/b/c`]. */
export function chainOf(folder: string): string[] {
  const chain = ['/'];
  if (folder === '/') return chain;
  const parts = folder.split('/').slice(1);
  for (let i = 1; i <= parts.length; i++) chain.push(`/${parts.slice(0, i).join('/')}`);
  return chain;
}

/** `photo.png` → [`photo`, `.png`]; no extension → [`name`, ``]. */
export function splitExtension(name: string): [string, string] {
  const dot = name.lastIndexOf('.');
  return dot > 0 ? [name.slice(0, dot), name.slice(dot)] : [name, ''];
}

/** `photo.png`, n=1 → `photo(1).png`. */
export function renamed(name: string, n: number): string {
  const [base, ext] = splitExtension(name);
  return `${base}(${n})${ext}`;
}

/** Name of an operation's result next to its source: `photo_100x100.webp`, slices `photo_slice_0000.png`. */
export function resultName(sourceName: string, operationId: string, suffix: string, extension: string): string {
  return `${splitExtension(sourceName)[0]}_${operationId}${suffix}.${extension}`;
}
