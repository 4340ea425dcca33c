/**
 * A w×h animated GIF, one solid colour per frame (palette index), LZW-coded "uncompressed": a clear
 * code every two pixels keeps the code width at 3 bits, which every decoder accepts.
 */
export function animatedGif(width: number, height: number, frames: number[]): Buffer {
  const palette = [255, 0, 0, 0, 0, 255, 0, 255, 0, 255, 255, 255];
  const u16 = (v: number) => Buffer.from([v & 0xff, v >> 8]);
  const out: Buffer[] = [
    Buffer.from('GIF89a', 'latin1'),
    u16(width),
    u16(height),
    Buffer.from([0x81, 0, 0]),
    Buffer.from(palette),
  ];
  out.push(Buffer.from([0x21, 0xff, 0x0b]), Buffer.from('NETSCAPE2.0', 'latin1'), Buffer.from([3, 1, 0, 0, 0]));
  for (const colour of frames) {
    out.push(
      Buffer.from([0x21, 0xf9, 4, 0]),
      u16(10),
      Buffer.from([0, 0, 0x2c]),
      u16(0),
      u16(0),
      u16(width),
      u16(height),
      Buffer.from([0, 2]),
    );
    const codes: number[] = [];
    for (let i = 0; i < width * height; i++) {
      if (i % 2 === 0) codes.push(4);
      codes.push(colour);
    }
    codes.push(5);
    const bytes: number[] = [];
    let acc = 0;
    let bits = 0;
    for (const code of codes) {
      acc |= code << bits;
      bits += 3;
      while (bits >= 8) {
        bytes.push(acc & 0xff);
        acc >>= 8;
        bits -= 8;
      }
    }
    if (bits > 0) bytes.push(acc & 0xff);
    for (let i = 0; i < bytes.length; i += 255) {
      const block = bytes.slice(i, i + 255);
      out.push(Buffer.from([block.length, ...block]));
    }
    out.push(Buffer.from([0]));
  }
  out.push(Buffer.from([0x3b]));
  return Buffer.concat(out);
}
