import sharp, { OverlayOptions } from 'sharp';
import { patternSvg } from './pattern-svg';
import { PromptPattern } from './prompt-pattern';

/** How strongly a reference image shows through the pattern. */
const REFERENCE_OPACITY = 0.45;
const JPEG_QUALITY = 90;

/** Renders a pattern as a JPEG of exactly `width`×`height`, the first reference (if any) blended over it. */
export async function renderPatternJpeg(
  pattern: PromptPattern,
  width: number,
  height: number,
  reference?: Buffer,
): Promise<Buffer> {
  const layers: OverlayOptions[] = [];
  if (reference) {
    const blended = await sharp(reference, { pages: 1 })
      .resize(width, height, { fit: 'cover' })
      .removeAlpha()
      .ensureAlpha(REFERENCE_OPACITY)
      .png()
      .toBuffer();
    layers.push({ input: blended, blend: 'over' });
  }
  return sharp(Buffer.from(patternSvg(pattern, width, height)), { limitInputPixels: false })
    .resize(width, height, { fit: 'fill' })
    .composite(layers)
    .flatten({ background: '#000000' })
    .jpeg({ quality: JPEG_QUALITY })
    .toBuffer();
}
