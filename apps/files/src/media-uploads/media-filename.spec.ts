import { sanitizeMediaFilename } from './media-filename';

describe('sanitizeMediaFilename', () => {
  it.each([
    ['photo.png', 'photo.png'],
    ['../../etc/passwd', 'passwd'],
    ['..\\..\\windows\\system32\\cmd.exe', 'cmd.exe'],
    ['/absolute/path/shot.jpg', 'shot.jpg'],
    ['..', 'file'],
    ['../', 'file'],
    ['.hidden', 'hidden'],
    ['my summer photo (1).JPG', 'my_summer_photo_1_.JPG'],
    ['evil\u0000name.png', 'evilname.png'],
    ['a/../b.pdf', 'b.pdf'],
  ])('%j → %j', (input, expected) => {
    expect(sanitizeMediaFilename(input)).toBe(expected);
  });

  it('never yields a separator, a dot segment or an empty name', () => {
    for (const input of ['../..', '/', '\\', '....//....', 'x/..', '\u0001']) {
      const out = sanitizeMediaFilename(input);
      expect(out).not.toMatch(/[/\\]/);
      expect(out).not.toMatch(/^\.+$/);
      expect(out.length).toBeGreaterThan(0);
    }
  });
});
