import { DomainError } from '@mp/contracts';
import { ObjectStorage } from '@mp/storage';
import { ImageEngine, ImageProbe } from '../imaging/image-engine';
import { readObject } from '../storage/read-object';
import { readObjectHeader } from '../storage/read-object-header';

/** Enough for a JPEG's markers up to the scan (EXIF, ICC) or a PNG's IHDR in nearly every file. */
export const HEADER_BYTES = 256 * 1024;

/**
 * Probes a stored upload reading as little of it as possible. JPEG and PNG hold one frame whose
 * size and EXIF come before the pixel data, so their header is probed alone; should it not
 * suffice (metadata beyond `HEADER_BYTES`), and for formats whose frames are counted across the
 * whole file (GIF, WebP, TIFF, AVIF), the whole object is read, as the frame cap needs.
 */
export async function probeStoredUpload(
  storage: ObjectStorage,
  engine: ImageEngine,
  key: string,
  maxBytes: number,
): Promise<{ probe: ImageProbe; size: number }> {
  const header = await readObjectHeader(storage, key, HEADER_BYTES, maxBytes);
  if (header.complete) return { probe: await engine.probe(header.bytes), size: header.size };
  if (hasSingleFrameHeader(header.bytes)) {
    try {
      return { probe: await engine.probe(header.bytes), size: header.size };
    } catch (err) {
      if (err instanceof DomainError && err.code === 'PayloadTooLarge') throw err; // pixel caps are known from the header
    }
  }
  const bytes = await readObject(storage, key, maxBytes);
  return { probe: await engine.probe(bytes), size: bytes.length };
}

/** JPEG (`FF D8 FF`) or PNG (`89 50 4E 47 0D 0A 1A 0A`) by their signatures. */
export function hasSingleFrameHeader(bytes: Buffer): boolean {
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return true;
  return bytes.length >= 8 && bytes.subarray(0, 8).equals(PNG_SIGNATURE);
}

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
