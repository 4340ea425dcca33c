const SIGNATURES: { type: string; matches: (b: Buffer) => boolean }[] = [
  { type: 'image/jpeg', matches: (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff },
  {
    type: 'image/png',
    matches: (b) => b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])),
  },
  {
    type: 'image/webp',
    matches: (b) => b.toString('latin1', 0, 4) === 'RIFF' && b.toString('latin1', 8, 12) === 'WEBP',
  },
  { type: 'image/gif', matches: (b) => b.toString('latin1', 0, 4) === 'GIF8' },
  { type: 'image/bmp', matches: (b) => b.toString('latin1', 0, 2) === 'BM' },
  { type: 'image/tiff', matches: (b) => ['II*\0', 'MM\0*'].includes(b.toString('latin1', 0, 4)) },
];

/** The MIME type of an image from its magic bytes, or null when it is none of the formats Ark accepts. */
export function imageMimeType(bytes: Buffer): string | null {
  return SIGNATURES.find((s) => s.matches(bytes))?.type ?? null;
}

export function isJpeg(bytes: Buffer): boolean {
  return imageMimeType(bytes) === 'image/jpeg';
}
