import sharp from 'sharp';

/** Enough leading bytes for libvips to read the header of every common image format. */
export const IMAGE_PROBE_BYTES = 512 * 1024;

/** The only file in `files` that touches sharp: reads dimensions from an image's leading bytes. */
export async function probeImageSize(head: Buffer): Promise<{ width: number; height: number } | null> {
  try {
    const meta = await sharp(head, { failOn: 'none', limitInputPixels: false, sequentialRead: true }).metadata();
    return meta.width && meta.height ? { width: meta.width, height: meta.height } : null;
  } catch {
    return null;
  }
}
