import { ReferenceFormat } from '@mp/contracts';
import sharp, { Metadata } from 'sharp';
import { looksLikeBmp, readBmpHeader } from './bmp-header';
import {
  ACCEPTED_FORMATS_TEXT,
  byteLimitProblem,
  checkReferenceDimensions,
  REFERENCE_LIMITS,
  ReferenceInspection,
  referenceRefused,
} from './reference-image-rules';

const SHARP_FORMATS: Record<string, ReferenceFormat> = {
  jpeg: 'jpeg',
  png: 'png',
  webp: 'webp',
  tiff: 'tiff',
  gif: 'gif',
};

/**
 * Checks a reference image on its bytes, never on what its URL or data-URL prefix claims: size,
 * format (read from the content), then the header's dimensions (first frame of a GIF) before any
 * pixel is decoded, so a decompression bomb is refused from its header; last, the image is decoded
 * (shrunk on load) to prove the data is whole. `label` names it in messages: `image`, `image[2]`.
 */
export async function inspectReferenceImage(bytes: Buffer, label: string): Promise<ReferenceInspection> {
  const tooBig = byteLimitProblem(label, bytes.length);
  if (tooBig) return tooBig;

  if (looksLikeBmp(bytes)) {
    const bmp = readBmpHeader(bytes);
    if (!bmp.ok) return referenceRefused(`${label} ${bmp.reason}`);
    return checkReferenceDimensions(label, {
      format: 'bmp',
      width: bmp.width,
      height: bmp.height,
      bytes: bytes.length,
    });
  }

  let meta: Metadata;
  try {
    meta = await sharp(bytes, { limitInputPixels: false }).metadata();
  } catch {
    return referenceRefused(`${label} is not a ${ACCEPTED_FORMATS_TEXT} image`);
  }
  const format = SHARP_FORMATS[meta.format ?? ''];
  if (!format) {
    return referenceRefused(
      `${label} is a ${String(meta.format).toUpperCase()} image; accepted: ${ACCEPTED_FORMATS_TEXT}`,
    );
  }
  const checked = checkReferenceDimensions(label, {
    format,
    width: meta.width ?? 0,
    height: meta.pageHeight ?? meta.height ?? 0,
    bytes: bytes.length,
  });
  if (!checked.ok) return checked;

  try {
    await sharp(bytes, { failOn: 'error', limitInputPixels: REFERENCE_LIMITS.maxPixels, sequentialRead: true })
      .resize(64, 64, { fit: 'inside' })
      .raw()
      .toBuffer();
  } catch {
    return referenceRefused(`${label} is a damaged or truncated ${format.toUpperCase()} image`);
  }
  return checked;
}
