import { ServeFormat } from '@mp/contracts';
import { createHash } from 'node:crypto';
import { EXTENSION_OF } from '../imaging/image-engine';

/** Derived objects live apart from sources: `variants/<sha256(source key)>/<etag>-q<quality>.<ext>`. */
export const VARIANTS_PREFIX = 'variants/';

/**
 * The key of a converted variant. It names the source's ETag, so a replaced source gets a new
 * variant instead of a stale one, and the same request always maps to the same key.
 */
export function variantKey(sourceKey: string, sourceEtag: string, format: ServeFormat, quality: number): string {
  const source = createHash('sha256').update(sourceKey).digest('hex');
  const etag = sourceEtag.replace(/[^A-Za-z0-9-]/g, '');
  return `${VARIANTS_PREFIX}${source}/${etag}-q${quality}.${EXTENSION_OF[format]}`;
}
