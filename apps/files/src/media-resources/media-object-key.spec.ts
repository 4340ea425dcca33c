import { DomainError } from '@mp/contracts';
import { canonicalKey, extensionFor, tempKeyOf } from './media-object-key';

describe('tempKeyOf', () => {
  it('accepts temp keys and temp file URLs (path-style bucket or CDN)', () => {
    expect(tempKeyOf('temp/abc_1_photo.jpg', 'urls[0]')).toBe('temp/abc_1_photo.jpg');
    expect(tempKeyOf('http://127.0.0.1:9000/bucket/temp/abc_1_my%20photo.jpg', 'urls[0]')).toBe(
      'temp/abc_1_my photo.jpg',
    );
    expect(tempKeyOf('https://cdn.example.com/temp/x.png', 'urls[0]')).toBe('temp/x.png');
  });

  it.each([
    'media/x/file.jpg',
    'temp/../media/x',
    'temp//x',
    'ftp://h/temp/x',
    'not a url',
    'https://h/other/x.png',
    'temp/',
  ])('refuses %s', (value) => {
    expect(() => tempKeyOf(value, 'urls[2]')).toThrow(DomainError);
    try {
      tempKeyOf(value, 'urls[2]');
    } catch (err) {
      expect((err as DomainError).message).toContain('urls[2]');
    }
  });
});

describe('extensionFor / canonicalKey', () => {
  it('keeps the file extension, falls back to the content type, then bin', () => {
    expect(extensionFor('temp/a_1_Photo.JPEG', 'image/jpeg')).toBe('jpeg');
    expect(extensionFor('temp/a_1_noext', 'image/png')).toBe('png');
    expect(extensionFor('temp/a_1_noext', undefined)).toBe('bin');
    expect(canonicalKey('r1', 'png')).toBe('media/r1/file.png');
  });
});
