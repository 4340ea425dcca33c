import { GenerationParameterError, MAX_REFERENCE_BYTES, ReferenceFormat } from '@mp/contracts';

/** Seed 002, "Batasan input", applied to what the bytes decode to. */
export const REFERENCE_LIMITS = {
  maxBytes: MAX_REFERENCE_BYTES,
  /** Width and height must each be greater than this. */
  minSideExclusive: 14,
  maxPixels: 6000 * 6000,
  minAspect: 1 / 16,
  maxAspect: 16,
} as const;

export interface ReferenceImageInfo {
  format: ReferenceFormat;
  /** Of the first frame for a GIF (and the first page of a TIFF). */
  width: number;
  height: number;
  bytes: number;
}

export type ReferenceInspection =
  { ok: true; image: ReferenceImageInfo } | { ok: false; error: GenerationParameterError };

export const referenceRefused = (message: string): ReferenceInspection => ({
  ok: false,
  error: { code: 'InvalidParameter', message },
});

export const ACCEPTED_FORMATS_TEXT = 'JPEG, PNG, WEBP, BMP, TIFF or GIF';

export function byteLimitProblem(label: string, bytes: number): ReferenceInspection | undefined {
  return bytes > REFERENCE_LIMITS.maxBytes
    ? referenceRefused(`${label} is ${bytes} bytes; at most 10 MB (${REFERENCE_LIMITS.maxBytes} bytes) per image`)
    : undefined;
}

/** Sides, pixel count and aspect ratio of a decoded reference image; the info itself when all hold. */
export function checkReferenceDimensions(label: string, image: ReferenceImageInfo): ReferenceInspection {
  const { width, height } = image;
  const dims = `${width}x${height} px`;
  if (width <= REFERENCE_LIMITS.minSideExclusive || height <= REFERENCE_LIMITS.minSideExclusive) {
    return referenceRefused(`${label} is ${dims}; width and height must each be greater than 14 px`);
  }
  if (width * height > REFERENCE_LIMITS.maxPixels) {
    return referenceRefused(
      `${label} is ${dims} (${width * height} pixels); at most ${REFERENCE_LIMITS.maxPixels} pixels (6000x6000)`,
    );
  }
  const aspect = width / height;
  if (aspect < REFERENCE_LIMITS.minAspect || aspect > REFERENCE_LIMITS.maxAspect) {
    return referenceRefused(`${label} is ${dims}; its aspect ratio (width / height) must be between 1/16 and 16`);
  }
  return { ok: true, image };
}
