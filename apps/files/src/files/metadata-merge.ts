import { DomainError, METADATA_MAX_BYTES, metadataBytes } from '@mp/contracts';

/**
 * Merges an update into stored metadata (top-level keys; `null` removes a key, as in JSON Merge
 * Patch) and enforces the 10 KB limit on the result.
 */
export function mergeMetadata(
  stored: Record<string, unknown>,
  update: Record<string, unknown>,
): Record<string, unknown> {
  const merged: Record<string, unknown> = { ...stored };
  for (const [key, value] of Object.entries(update)) {
    if (value === null) delete merged[key];
    else merged[key] = value;
  }
  const bytes = metadataBytes(merged);
  if (bytes > METADATA_MAX_BYTES) {
    throw new DomainError(
      'MetadataTooLarge',
      `metadata: the merged metadata would be ${bytes} bytes; at most ${METADATA_MAX_BYTES} bytes (10 KB) are allowed`,
      {
        bytes,
        max_bytes: METADATA_MAX_BYTES,
      },
    );
  }
  return merged;
}

/** An update time after the previous one, so index writes ordered by `updated_at` never tie. */
export function nextUpdatedAt(previous: Date, now: Date): Date {
  return now.getTime() > previous.getTime() ? now : new Date(previous.getTime() + 1);
}
