import sharp from 'sharp';
import { GeneratedImage } from '../provider.types';
import { escapeXml } from '../svg-text';
import { WATERMARK_TEXT, watermarkBox } from './watermark-layout';

const JPEG_QUALITY = 92;

/** Our "AI generated" mark, bottom-right, composited onto a generated JPEG; the size stays the same. */
export async function applyWatermark(image: GeneratedImage): Promise<GeneratedImage> {
  const box = watermarkBox(image.width, image.height);
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" width="${box.width}" height="${box.height}">` +
    `<text x="${box.width - box.margin}" y="${box.height - box.margin}" font-family="DejaVu Sans, sans-serif" ` +
    `font-size="${box.fontSize}" font-weight="bold" text-anchor="end" fill="white" fill-opacity="0.9" ` +
    `stroke="black" stroke-opacity="0.6" stroke-width="${Math.max(1, box.fontSize / 12).toFixed(1)}" paint-order="stroke">` +
    `${escapeXml(WATERMARK_TEXT)}</text></svg>`;
  const bytes = await sharp(image.bytes)
    .composite([{ input: Buffer.from(svg), left: box.left, top: box.top }])
    .jpeg({ quality: JPEG_QUALITY })
    .toBuffer();
  return { bytes, width: image.width, height: image.height };
}
