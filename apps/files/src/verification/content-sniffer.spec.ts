import { checkContent, sniffContentType } from './content-sniffer';

const b = (...bytes: number[]) => Buffer.from(bytes);
const s = (text: string) => Buffer.from(text, 'latin1');

describe('sniffContentType', () => {
  it.each([
    [b(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0), 'image/png'],
    [b(0xff, 0xd8, 0xff, 0xe0), 'image/jpeg'],
    [s('GIF89a....'), 'image/gif'],
    [s('RIFF\0\0\0\0WEBPVP8 '), 'image/webp'],
    [s('RIFF\0\0\0\0WAVEfmt '), 'audio/wav'],
    [s('\0\0\0\x1cftypavif'), 'image/avif'],
    [s('\0\0\0\x1cftypheic'), 'image/heic'],
    [s('\0\0\0\x1cftypisom'), 'video/mp4'],
    [s('%PDF-1.7'), 'application/pdf'],
    [b(0x50, 0x4b, 0x03, 0x04, 0), 'application/zip'],
    [s('ID3\x04'), 'audio/mpeg'],
    [s('OggS\0'), 'audio/ogg'],
    [s('<svg xmlns="http://www.w3.org/2000/svg"></svg>'), 'image/svg+xml'],
    [Buffer.from('{"a": 1}'), 'application/json'],
    [Buffer.from('hello, 세계'), 'text/plain'],
  ])('recognises %#', (head, type) => {
    expect(sniffContentType(head)).toBe(type);
  });

  it('returns null for unknown binary and empty input', () => {
    expect(sniffContentType(b(0x00, 0x01, 0x02, 0x03))).toBeNull();
    expect(sniffContentType(Buffer.alloc(0))).toBeNull();
  });
});

describe('checkContent', () => {
  it('accepts matching and same-family image bytes, recording the real type', () => {
    expect(checkContent('image/png', 'image/png')).toEqual({ ok: true, contentType: 'image/png' });
    expect(checkContent('image/png', 'image/jpeg')).toEqual({ ok: true, contentType: 'image/jpeg' });
  });

  it('rejects an image that is not an image', () => {
    expect(checkContent('image/png', 'text/plain').ok).toBe(false);
    expect(checkContent('image/png', null).ok).toBe(false);
    expect(checkContent('image/png', 'application/zip').reason).toContain('application/zip');
  });

  it('accepts anything for octet-stream and unrecognisable declared types', () => {
    expect(checkContent('application/octet-stream', 'image/png')).toEqual({ ok: true, contentType: 'image/png' });
    expect(checkContent('application/octet-stream', null)).toEqual({
      ok: true,
      contentType: 'application/octet-stream',
    });
  });

  it('keeps declared text subtypes but requires text', () => {
    expect(checkContent('text/csv', 'text/plain')).toEqual({ ok: true, contentType: 'text/csv' });
    expect(checkContent('text/csv', 'application/zip').ok).toBe(false);
  });
});
