import sharp from 'sharp';

export interface DecodedImage {
  width: number;
  height: number;
  channels: number;
  format: string | undefined;
  /** Interleaved 8-bit samples, row by row. */
  pixels: Buffer;
}

/** Decodes an image to raw RGB samples (used to check what providers and the watermark produced). */
export async function decodeImage(bytes: Buffer): Promise<DecodedImage> {
  const meta = await sharp(bytes).metadata();
  const { data, info } = await sharp(bytes).removeAlpha().raw().toBuffer({ resolveWithObject: true });
  return { width: info.width, height: info.height, channels: info.channels, format: meta.format, pixels: data };
}

/** A solid-colour JPEG, e.g. a reference image or a provider's output in tests. */
export function solidJpeg(width: number, height: number, rgb: [number, number, number]): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: { r: rgb[0], g: rgb[1], b: rgb[2] } } })
    .jpeg()
    .toBuffer();
}
