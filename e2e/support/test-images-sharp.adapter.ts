import sharp from 'sharp';

export interface PixelRegion {
  left: number;
  top: number;
  width: number;
  height: number;
}

/** A solid-colour JPEG of width×height, for reference images served to the platform. */
export function solidJpeg(width: number, height: number, background = '#3366aa'): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background } })
    .jpeg()
    .toBuffer();
}

/** Format and `WxH` of an encoded image, read from its bytes. */
export async function imageSize(bytes: Buffer): Promise<{ format?: string; size: string }> {
  const meta = await sharp(bytes).metadata();
  return { format: meta.format, size: `${meta.width}x${meta.height}` };
}

/** The raw pixels of one region of an encoded image. */
export function regionPixels(bytes: Buffer, region: PixelRegion): Promise<Buffer> {
  return sharp(bytes).extract(region).raw().toBuffer();
}
