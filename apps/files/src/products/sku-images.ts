import { ZipEntry } from '@mp/storage';

export const IMAGE_TYPES: Record<string, string> = {
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  png: 'image/png',
  webp: 'image/webp',
  gif: 'image/gif',
  avif: 'image/avif',
};

export interface SkuImage {
  entry: ZipEntry;
  filename: string;
  contentType: string;
}

export interface SkuImages {
  cover: SkuImage | null;
  extras: SkuImage[];
}

/**
 * The images of a SKU's folder (`{csv dir}{sku}/…`, files directly inside it): the one named
 * `cover.<ext>` is the cover, the rest are extra images in name order. Non-image files are ignored.
 */
export function skuImages(entries: ZipEntry[], baseDir: string, sku: string): SkuImages {
  const folder = `${baseDir}${sku}/`;
  const images: SkuImage[] = [];
  for (const entry of entries) {
    if (entry.isDirectory || !entry.name.startsWith(folder)) continue;
    const filename = entry.name.slice(folder.length);
    if (filename.includes('/') || filename.startsWith('.')) continue;
    const ext = filename.slice(filename.lastIndexOf('.') + 1).toLowerCase();
    const contentType = IMAGE_TYPES[ext];
    if (filename.includes('.') && contentType) images.push({ entry, filename, contentType });
  }
  images.sort((a, b) => a.filename.localeCompare(b.filename));
  const coverAt = images.findIndex((i) => i.filename.slice(0, i.filename.lastIndexOf('.')).toLowerCase() === 'cover');
  if (coverAt < 0) return { cover: null, extras: images };
  const [cover] = images.splice(coverAt, 1);
  return { cover, extras: images };
}
