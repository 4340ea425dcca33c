import { buildObjectKey, extensionOf, safeFilename } from './object-key';

describe('safeFilename', () => {
  it('keeps ordinary names', () => {
    expect(safeFilename('reference_image.png')).toBe('reference_image.png');
    expect(safeFilename('사진 1.jpg')).toBe('사진_1.jpg');
  });

  it('removes traversal and separators', () => {
    expect(safeFilename('../../etc/passwd')).toBe('etc_passwd');
    expect(safeFilename('..')).toBe('file');
    expect(safeFilename('.env')).toBe('env');
    expect(safeFilename('a?b#c%d.png')).toBe('a_b_c_d.png');
  });

  it('bounds the length in bytes and keeps the extension', () => {
    const name = safeFilename(`${'가'.repeat(200)}.png`);
    expect(Buffer.byteLength(name)).toBeLessThanOrEqual(180);
    expect(name.endsWith('.png')).toBe(true);
  });
});

describe('buildObjectKey', () => {
  it('is team-scoped with the epoch prefix', () => {
    expect(
      buildObjectKey({
        prefix: 'aiapi',
        teamId: 't1',
        folder: 'projects/x',
        epochMs: 1765720407215,
        filename: 'a b.png',
      }),
    ).toBe('aiapi/t1/projects/x/1765720407215_a_b.png');
  });
});

describe('extensionOf', () => {
  it('lowercases and handles missing extensions', () => {
    expect(extensionOf('A.PNG')).toBe('png');
    expect(extensionOf('data')).toBeNull();
    expect(extensionOf('.hidden')).toBeNull();
    expect(extensionOf('x.')).toBeNull();
  });
});
