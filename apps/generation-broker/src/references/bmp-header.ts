/**
 * The installed sharp (libvips 8.18 without ImageMagick) cannot read BMP, so a BMP reference is
 * checked from its own headers: the file header, then a BITMAPCOREHEADER (12 bytes) or a
 * BITMAPINFOHEADER and its later versions (40–124 bytes). For uncompressed bitmaps the file must
 * also hold every row the header announces, so a truncated file is refused; RLE bitmaps are only
 * checked for a pixel offset inside the file.
 */
export type BmpHeaderRead = { ok: true; width: number; height: number } | { ok: false; reason: string };

const DIB_HEADER_SIZES = new Set([12, 40, 52, 56, 64, 108, 124]);
const BITS_PER_PIXEL = new Set([1, 4, 8, 16, 24, 32]);
const UNCOMPRESSED = new Set([0, 3, 6]);
const RLE = new Set([1, 2]);

export function looksLikeBmp(bytes: Buffer): boolean {
  return bytes.length >= 2 && bytes[0] === 0x42 && bytes[1] === 0x4d;
}

export function readBmpHeader(bytes: Buffer): BmpHeaderRead {
  if (!looksLikeBmp(bytes) || bytes.length < 26) return { ok: false, reason: 'is not a complete BMP file' };
  const pixelOffset = bytes.readUInt32LE(10);
  const dibSize = bytes.readUInt32LE(14);
  if (!DIB_HEADER_SIZES.has(dibSize)) return { ok: false, reason: 'has a BMP header this server cannot read' };
  if (bytes.length < 14 + dibSize) return { ok: false, reason: 'is a truncated BMP file' };
  const core = dibSize === 12;
  const width = core ? bytes.readUInt16LE(18) : bytes.readInt32LE(18);
  const signedHeight = core ? bytes.readUInt16LE(20) : bytes.readInt32LE(22);
  const planes = bytes.readUInt16LE(core ? 22 : 26);
  const bpp = bytes.readUInt16LE(core ? 24 : 28);
  const compression = core ? 0 : bytes.readUInt32LE(30);
  const height = Math.abs(signedHeight);
  if (width <= 0 || height === 0 || planes !== 1 || !BITS_PER_PIXEL.has(bpp)) {
    return { ok: false, reason: 'has an invalid BMP header' };
  }
  if (!UNCOMPRESSED.has(compression) && !RLE.has(compression)) {
    return { ok: false, reason: 'uses a BMP compression this server cannot read' };
  }
  if (pixelOffset < 14 + dibSize || pixelOffset >= bytes.length)
    return { ok: false, reason: 'is a truncated BMP file' };
  if (UNCOMPRESSED.has(compression)) {
    const rowBytes = Math.ceil((width * bpp) / 32) * 4;
    if (pixelOffset + rowBytes * height > bytes.length) return { ok: false, reason: 'is a truncated BMP file' };
  }
  return { ok: true, width, height };
}
