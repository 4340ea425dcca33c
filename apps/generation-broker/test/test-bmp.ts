/** A 24-bit BMP of width×height (BITMAPINFOHEADER; top-down when `topDown`), or with a 12-byte BITMAPCOREHEADER. */
export function testBmp(width: number, height: number, options: { topDown?: boolean; core?: boolean } = {}): Buffer {
  const dibSize = options.core ? 12 : 40;
  const rowBytes = Math.ceil((width * 24) / 32) * 4;
  const offset = 14 + dibSize;
  const file = Buffer.alloc(offset + rowBytes * height, 0x7f);
  file.write('BM', 0, 'ascii');
  file.writeUInt32LE(file.length, 2);
  file.writeUInt32LE(0, 6);
  file.writeUInt32LE(offset, 10);
  file.writeUInt32LE(dibSize, 14);
  if (options.core) {
    file.writeUInt16LE(width, 18);
    file.writeUInt16LE(height, 20);
    file.writeUInt16LE(1, 22);
    file.writeUInt16LE(24, 24);
  } else {
    file.writeInt32LE(width, 18);
    file.writeInt32LE(options.topDown ? -height : height, 22);
    file.writeUInt16LE(1, 26);
    file.writeUInt16LE(24, 28);
    file.writeUInt32LE(0, 30);
    file.writeUInt32LE(rowBytes * height, 34);
    file.fill(0, 38, 54);
  }
  return file;
}
