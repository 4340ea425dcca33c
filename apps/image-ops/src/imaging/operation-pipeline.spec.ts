import { ImageJobStep, imageJobStepSchema } from '@mp/contracts';
import { deflateSync } from 'node:zlib';
import { EncodedImage, ImageFormat, RawPixels } from './image-engine';
import { runPipeline } from './operation-pipeline';
import { SharpImageEngine } from './sharp.adapter';

const engine = new SharpImageEngine({ maxInputPixels: 40_000_000, maxFrames: 100, threads: 1 });

type Rgb = [number, number, number];

/** A w×h RGB image whose colour at (x, y) comes from `paint`. */
async function image(
  width: number,
  height: number,
  paint: (x: number, y: number) => Rgb,
  format: ImageFormat = 'png',
): Promise<EncodedImage> {
  const data = Buffer.alloc(width * height * 3);
  for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) data.set(paint(x, y), (y * width + x) * 3);
  return {
    data: await engine.fromPixels({ data, width, height, channels: 3 }, { format, quality: 100 }),
    format,
    width,
    height,
    frames: 1,
  };
}

function at(px: RawPixels, x: number, y: number): number[] {
  const i = (y * px.width + x) * px.channels;
  return [...px.data.subarray(i, i + px.channels)];
}

const step = (s: unknown): ImageJobStep => imageJobStepSchema.parse(s);
const run = (source: EncodedImage, steps: unknown[], marks: Record<string, Buffer> = {}) =>
  runPipeline(engine, source, steps.map(step), async (path) => {
    if (!marks[path]) throw new Error(`no watermark ${path}`);
    return marks[path];
  });

const RED: Rgb = [255, 0, 0];
const BLUE: Rgb = [0, 0, 255];
const near = (actual: number[], expected: number[]) =>
  actual.forEach((v, i) => expect(Math.abs(v - expected[i])).toBeLessThanOrEqual(8));

describe('operation pipeline on real pixels', () => {
  it('resize_max_fit fits the long side, resize_min_fit the short side, resize_fixed both', async () => {
    const src = await image(400, 200, () => RED);
    const [max] = await run(src, [{ templateOperationId: 'resize_max_fit', option: { width: 100, height: 100 } }]);
    const [min] = await run(src, [{ templateOperationId: 'resize_min_fit', option: { width: 100, height: 100 } }]);
    const [fixed] = await run(src, [{ templateOperationId: 'resize_fixed', option: { width: 100, height: 100 } }]);
    expect([max.image.width, max.image.height]).toEqual([100, 50]);
    expect([min.image.width, min.image.height]).toEqual([200, 100]);
    expect([fixed.image.width, fixed.image.height]).toEqual([100, 100]);
    const decoded = await engine.pixels(fixed.image.data);
    expect([decoded.width, decoded.height]).toEqual([100, 100]);
    expect(max.suffix).toBe('');
  });

  it('honours upDownSizeType and targetExtension', async () => {
    const small = await image(50, 40, () => RED);
    const [downOnly] = await run(small, [
      { templateOperationId: 'resize_max_fit', option: { width: 100, height: 100 } },
    ]);
    const [upAll] = await run(small, [
      {
        templateOperationId: 'resize_max_fit',
        option: { width: 100, height: 100, upDownSizeType: 'upDownAll', targetExtension: 'webp', quality: 50 },
      },
    ]);
    const big = await image(300, 300, () => RED);
    const [upOnly] = await run(big, [
      { templateOperationId: 'resize_fixed', option: { width: 100, height: 100, upDownSizeType: 'upOnly' } },
    ]);
    expect([downOnly.image.width, downOnly.image.height]).toEqual([50, 40]);
    expect([upAll.image.width, upAll.image.height, upAll.image.format]).toEqual([100, 80, 'webp']);
    expect((await engine.probe(upAll.image.data)).format).toBe('webp');
    expect([upOnly.image.width, upOnly.image.height]).toEqual([300, 300]);
  });

  it('gray makes every pixel neutral', async () => {
    const [out] = await run(await image(20, 20, (x) => (x < 10 ? RED : BLUE)), [
      { templateOperationId: 'gray', option: {} },
    ]);
    const px = await engine.pixels(out.image.data);
    for (const [x, y] of [
      [2, 2],
      [15, 15],
    ]) {
      const v = at(px, x, y);
      if (px.channels >= 3) expect(new Set(v.slice(0, 3)).size).toBe(1);
    }
    expect(px.channels === 1 || px.channels === 3).toBe(true);
  });

  it('rectangle crops at each gravity with offsets', async () => {
    const quadrants = await image(100, 100, (x, y) =>
      x < 50 ? (y < 50 ? RED : [0, 255, 0]) : y < 50 ? BLUE : [255, 255, 0],
    );
    const [ne] = await run(quadrants, [
      { templateOperationId: 'rectangle', option: { gravity: 'NorthEast', width: 40, height: 40 } },
    ]);
    const [sw] = await run(quadrants, [
      {
        templateOperationId: 'rectangle',
        option: { gravity: 'SouthWest', width: 40, height: 40, offsetX: 5, offsetY: 5 },
      },
    ]);
    expect([ne.image.width, ne.image.height]).toEqual([40, 40]);
    near(at(await engine.pixels(ne.image.data), 20, 20), BLUE);
    near(at(await engine.pixels(sw.image.data), 20, 20), [0, 255, 0]);
  });

  it('circle leaves the corners transparent and the centre opaque, even from a JPEG', async () => {
    const [out] = await run(await image(100, 80, () => RED, 'jpeg'), [
      { templateOperationId: 'circle', option: { radius: 30 } },
    ]);
    expect(out.image.format).toBe('png');
    const px = await engine.pixels(out.image.data);
    expect([px.width, px.height, px.channels]).toEqual([60, 60, 4]);
    expect(at(px, 0, 0)[3]).toBe(0);
    expect(at(px, 59, 59)[3]).toBe(0);
    expect(at(px, 30, 30)[3]).toBe(255);
    near(at(px, 30, 30).slice(0, 3), RED);
  });

  it('slice cuts strips named _0000, _0001…', async () => {
    const out = await run(await image(30, 25, () => RED), [
      { templateOperationId: 'slice', option: { sliceCropType: 'vertical', sliceSize: 10 } },
    ]);
    expect(out.map((o) => o.suffix)).toEqual(['_0000', '_0001', '_0002']);
    expect(out.map((o) => o.image.height)).toEqual([10, 10, 5]);
  });

  it('grid cuts countX × countY pieces, fewer when sizes do not divide', async () => {
    const even = await run(await image(40, 30, (x) => (x < 20 ? RED : BLUE)), [
      { templateOperationId: 'grid', option: { countX: 2, countY: 3 } },
    ]);
    expect(even).toHaveLength(6);
    expect(even.map((o) => [o.image.width, o.image.height])).toEqual(Array(6).fill([20, 10]));
    near(at(await engine.pixels(even[1].image.data), 5, 5), BLUE);
    const uneven = await run(await image(10, 10, () => RED), [
      { templateOperationId: 'grid', option: { countX: 6, countY: 1 } },
    ]);
    expect(uneven).toHaveLength(5);
    expect(uneven[4].suffix).toBe('_0004');
  });

  it('watermark draws the mark at its gravity and offsets', async () => {
    const mark = await image(10, 10, () => BLUE);
    const [out] = await run(
      await image(100, 100, () => RED),
      [
        {
          templateOperationId: 'watermark',
          option: { gravity: 'SouthEast', offsetX: 5, offsetY: 5, watermarkImagePath: '/marks/logo.png' },
        },
      ],
      {
        '/marks/logo.png': mark.data,
      },
    );
    const px = await engine.pixels(out.image.data);
    near(at(px, 90, 90), BLUE);
    near(at(px, 97, 97), RED);
    near(at(px, 10, 10), RED);
  });

  it('applies several steps in order', async () => {
    const out = await run(await image(200, 100, () => RED), [
      { templateOperationId: 'resize_fixed', option: { width: 100, height: 50 } },
      { templateOperationId: 'gray', option: {} },
      { templateOperationId: 'slice', option: { sliceCropType: 'horizontal', sliceSize: 50 } },
    ]);
    expect(out.map((o) => [o.image.width, o.image.height, o.suffix])).toEqual([
      [50, 50, '_0000'],
      [50, 50, '_0001'],
    ]);
  });
});

describe('input safety', () => {
  /** A PNG header claiming `w×h` with a tiny body: a decompression bomb must be refused from the header. */
  function claimedPng(w: number, h: number): Buffer {
    const ihdr = Buffer.alloc(25);
    ihdr.writeUInt32BE(13, 0);
    ihdr.write('IHDR', 4, 'ascii');
    ihdr.writeUInt32BE(w, 8);
    ihdr.writeUInt32BE(h, 12);
    ihdr.set([8, 2, 0, 0, 0], 16);
    const idat = deflateSync(Buffer.alloc(1000));
    const idatChunk = Buffer.concat([
      Buffer.from([0, 0, (idat.length >> 8) & 0xff, idat.length & 0xff]),
      Buffer.from('IDAT'),
      idat,
      Buffer.alloc(4),
    ]);
    return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), ihdr, idatChunk]);
  }

  it('refuses an image over the pixel limit from its header, before decoding', async () => {
    const before = process.memoryUsage().rss;
    await expect(engine.probe(claimedPng(60_000, 60_000))).rejects.toMatchObject({
      code: 'PayloadTooLarge',
      details: { resultCode: 20021 },
    });
    expect(process.memoryUsage().rss - before).toBeLessThan(200 * 1024 * 1024);
  });

  it('refuses a file that is not an image', async () => {
    await expect(engine.probe(Buffer.from('#!/bin/sh\necho hi\n'))).rejects.toMatchObject({
      code: 'UnsupportedMediaType',
      details: { resultCode: 20020 },
    });
  });

  it('probes a real image', async () => {
    const src = await image(30, 20, () => RED, 'jpeg');
    expect(await engine.probe(src.data)).toMatchObject({ format: 'jpeg', width: 30, height: 20, frames: 1 });
  });
});
