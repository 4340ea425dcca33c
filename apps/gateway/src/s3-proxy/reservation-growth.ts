/** An upload's reservation grows in steps of this much (one part of a streamed upload). */
export const RESERVATION_STEP_BYTES = 8 * 1024 * 1024;

/**
 * How much to ask for, in order, when `total` streamed bytes pass the `reserved` ones: a whole
 * step first (fewer round trips), then exactly what is missing (so a file that fits the last
 * remaining bytes of the quota is still admitted). Empty when nothing is missing.
 */
export function extensionAttempts(total: number, reserved: number, step = RESERVATION_STEP_BYTES): number[] {
  const missing = total - reserved;
  if (missing <= 0) return [];
  return missing < step ? [step, missing] : [missing];
}

/**
 * What to reserve before the first byte: the request's declared length (an upper bound of the
 * file, form overhead included) when it is known and plausible, else nothing yet.
 */
export function initialReservation(
  contentLength: number | undefined,
  maxFileBytes: number,
  formOverheadBytes: number,
): number {
  if (contentLength === undefined || !Number.isSafeInteger(contentLength) || contentLength < 0) return 0;
  return Math.min(contentLength, maxFileBytes + formOverheadBytes);
}
