import sharp from 'sharp';

/** Test images of the generation broker's specs, encoded by sharp (the only test file that imports it). */
export async function encodedImage(
  format: 'jpeg' | 'webp' | 'tiff' | 'gif' | 'avif',
  width: number,
  height: number,
): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: { r: 40, g: 120, b: 200 } } })
    .toFormat(format)
    .toBuffer();
}

/** An animated GIF of `frames` frames of width×height each. */
export async function animatedGif(width: number, height: number, frames: number): Promise<Buffer> {
  const frame = Buffer.alloc(width * height * 3, 90);
  return sharp(Buffer.concat(Array.from({ length: frames }, () => frame)), {
    raw: { width, height: height * frames, channels: 3, pageHeight: height },
  })
    .gif()
    .toBuffer();
}
