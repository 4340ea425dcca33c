import { chainOf, join, nameOf, parentOf, renamed, resultName, splitExtension } from './image-path';

describe('image paths', () => {
  it('splits and joins', () => {
    expect(parentOf('/a/b.png')).toBe('/a');
    expect(parentOf('/b.png')).toBe('/');
    expect(nameOf('/a/b.png')).toBe('b.png');
    expect(join('/', 'x')).toBe('/x');
    expect(join('/a', 'x')).toBe('/a/x');
    expect(chainOf('/a/b')).toEqual(['/', '/a', '/a/b']);
    expect(chainOf('/')).toEqual(['/']);
  });
  it('renames as name(n).ext and names results name_op.ext', () => {
    expect(renamed('sample.png', 1)).toBe('sample(1).png');
    expect(renamed('archive.tar.gz', 2)).toBe('archive.tar(2).gz');
    expect(renamed('README', 1)).toBe('README(1)');
    expect(splitExtension('.hidden')).toEqual(['.hidden', '']);
    expect(resultName('left.png', '100x100', '', 'png')).toBe('left_100x100.png');
    expect(resultName('vertical.png', 'slice-v', '_0001', 'png')).toBe('vertical_slice-v_0001.png');
  });
});
