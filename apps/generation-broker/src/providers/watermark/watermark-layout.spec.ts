import { watermarkBox } from './watermark-layout';

describe('watermarkBox', () => {
  it.each([
    [2048, 2048],
    [4096, 4096],
    [1600, 100],
    [100, 1600],
    [16, 16],
    [1, 16],
  ])('stays inside a %ix%i image, anchored bottom-right', (width, height) => {
    const box = watermarkBox(width, height);
    expect(box.left).toBeGreaterThanOrEqual(0);
    expect(box.top).toBeGreaterThanOrEqual(0);
    expect(box.left + box.width).toBe(width);
    expect(box.top + box.height).toBe(height);
  });

  it('scales the text with the image', () => {
    expect(watermarkBox(4096, 4096).fontSize).toBeGreaterThan(watermarkBox(1024, 1024).fontSize * 3);
  });
});
