import { DomainError } from '@mp/contracts';
import { sniffContentType, SNIFF_BYTES } from '../verification/content-sniffer';
import { probeImageSize } from '../verification/image-probe.adapter';

/** sharp's own decoding limit (16383 × 16383): an image beyond it could never be resized or served. */
export const MAX_PRODUCT_IMAGE_PIXELS = 16383 * 16383;

/**
 * Refuses a product image whose bytes are not the image its name says (an executable named
 * `cover.png`), that has no readable dimensions, or whose header claims more pixels than can be
 * decoded (a pixel bomb). `head` is the image's leading bytes.
 */
export async function checkProductImage(name: string, declaredType: string, head: Buffer): Promise<string> {
  const sniffed = sniffContentType(head.subarray(0, SNIFF_BYTES));
  if (!sniffed?.startsWith('image/'))
    throw new DomainError('ValidationFailed', `${name}: the bytes are not an image (the name says ${declaredType})`, {
      entry: name,
    });
  const size = await probeImageSize(head);
  if (!size) throw new DomainError('ValidationFailed', `${name}: the image header is unreadable`, { entry: name });
  if (size.width * size.height > MAX_PRODUCT_IMAGE_PIXELS)
    throw new DomainError(
      'ValidationFailed',
      `${name}: ${size.width}×${size.height} pixels is more than the ${MAX_PRODUCT_IMAGE_PIXELS} an image may have`,
      { entry: name },
    );
  return sniffed;
}
