import { decodeImage } from '../image-pixels.sharp.adapter';
import { LocalImageProvider } from '../local/local-image.provider';
import { GeneratedImage, isFailedImage } from '../provider.types';
import { applyWatermark } from './watermark.sharp.adapter';
import { watermarkBox } from './watermark-layout';

async function generated(width: number, height: number): Promise<GeneratedImage> {
  const result = await new LocalImageProvider().generate({
    model: 'm',
    prompt: 'A quiet harbour',
    width,
    height,
    sequentialImageGeneration: 'disabled',
    maxImages: 1,
    references: [],
    responseFormat: 'b64_json',
  });
  const [image] = result.images;
  if (!image || isFailedImage(image)) throw new Error('no image');
  return image;
}

describe('applyWatermark', () => {
  it.each([
    [640, 480],
    [2048, 2048],
    [1600, 100],
  ])('marks the bottom-right corner of a %ix%i JPEG and leaves the rest as it was', async (width, height) => {
    const original = await generated(width, height);
    const marked = await applyWatermark(original);
    expect([marked.width, marked.height]).toEqual([width, height]);
    const before = await decodeImage(original.bytes);
    const after = await decodeImage(marked.bytes);
    expect([after.format, after.width, after.height]).toEqual(['jpeg', width, height]);

    const box = watermarkBox(width, height);
    const diffAt = (x: number, y: number) => {
      const i = (y * width + x) * 3;
      return (
        Math.abs(before.pixels[i]! - after.pixels[i]!) +
        Math.abs(before.pixels[i + 1]! - after.pixels[i + 1]!) +
        Math.abs(before.pixels[i + 2]! - after.pixels[i + 2]!)
      );
    };
    let insideDiff = 0;
    for (let y = box.top; y < height; y++) for (let x = box.left; x < width; x++) insideDiff += diffAt(x, y);
    expect(insideDiff / (box.width * box.height)).toBeGreaterThan(10);

    // Outside the box (and a 16 px seam of JPEG blocks straddling its edge) only re-encoding noise may
    // remain: no 16×16 tile may change by more than a few levels on average (the mark itself changes its box by ~60).
    const TILE = 16;
    let worstTile = 0;
    for (let ty = 0; ty + TILE <= height; ty += TILE) {
      for (let tx = 0; tx + TILE <= width; tx += TILE) {
        if (tx + TILE > box.left - TILE && ty + TILE > box.top - TILE) continue;
        let sum = 0;
        for (let y = ty; y < ty + TILE; y++) for (let x = tx; x < tx + TILE; x++) sum += diffAt(x, y);
        worstTile = Math.max(worstTile, sum / (TILE * TILE));
      }
    }
    expect(worstTile).toBeLessThan(16);
  });
});
