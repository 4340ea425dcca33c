import { variantKey } from './variant-key';

describe('variantKey', () => {
  it('is stable per source, etag, format and quality', () => {
    const a = variantKey('temp/x_1_a.png', 'abc123', 'webp', 90);
    expect(a).toBe(variantKey('temp/x_1_a.png', 'abc123', 'webp', 90));
    expect(a).toMatch(/^variants\/[0-9a-f]{64}\/abc123-q90\.webp$/);
  });

  it('changes with any input', () => {
    const a = variantKey('temp/x_1_a.png', 'abc123', 'webp', 90);
    expect(variantKey('temp/x_1_b.png', 'abc123', 'webp', 90)).not.toBe(a);
    expect(variantKey('temp/x_1_a.png', 'abc124', 'webp', 90)).not.toBe(a);
    expect(variantKey('temp/x_1_a.png', 'abc123', 'jpeg', 90)).toMatch(/\.jpg$/);
    expect(variantKey('temp/x_1_a.png', 'abc123', 'webp', 80)).not.toBe(a);
  });

  it('keeps only safe characters of the etag (multipart etags carry a dash)', () => {
    expect(variantKey('k', '"d41d8cd9-2"', 'png', 90)).toMatch(/\/d41d8cd9-2-q90\.png$/);
  });
});
