import { imageJobStepSchema } from '@mp/contracts';
import { EncodedImage } from './image-engine';
import { runPipeline } from './operation-pipeline';
import { SharpImageEngine } from './sharp.adapter';

const engine = new SharpImageEngine({ maxInputPixels: 40_000_000, maxFrames: 100, threads: 1 });

/**
 * A w×h animated GIF, one solid colour per frame (palette index), LZW-coded "uncompressed": a clear
 * code every two pixels keeps the code width at 3 bits, which every decoder accepts.
 */
function animatedGif(width: number, height: number, frames: number[]): Buffer {
  const palette = [255, 0, 0, 0, 0, 255, 0, 255, 0, 255, 255, 255];
  const u16 = (v: number) => Buffer.from([v & 0xff, v >> 8]);
  const out: Buffer[] = [Buffer.from('GIF89a', 'latin1'), u16(width), u16(height), Buffer.from([0x81, 0, 0]), Buffer.from(palette)];
  out.push(Buffer.from([0x21, 0xff, 0x0b]), Buffer.from('NETSCAPE2.0', 'latin1'), Buffer.from([3, 1, 0, 0, 0]));
  for (const colour of frames) {
    out.push(Buffer.from([0x21, 0xf9, 4, 0]), u16(10), Buffer.from([0, 0, 0x2c]), u16(0), u16(0), u16(width), u16(height), Buffer.from([0, 2]));
    const codes: number[] = [];
    for (let i = 0; i < width * height; i++) {
      if (i % 2 === 0) codes.push(4);
      codes.push(colour);
    }
    codes.push(5);
    const bytes: number[] = [];
    let acc = 0;
    let bits = 0;
    for (const code of codes) {
      acc |= code << bits;
      bits += 3;
      while (bits >= 8) {
        bytes.push(acc & 0xff);
        acc >>= 8;
        bits -= 8;
      }
    }
    if (bits > 0) bytes.push(acc & 0xff);
    for (let i = 0; i < bytes.length; i += 255) {
      const block = bytes.slice(i, i + 255);
      out.push(Buffer.from([block.length, ...block]));
    }
    out.push(Buffer.from([0]));
  }
  out.push(Buffer.from([0x3b]));
  return Buffer.concat(out);
}

async function source(): Promise<EncodedImage> {
  const data = animatedGif(40, 20, [0, 1, 2]);
  const probe = await engine.probe(data);
  return { data, format: probe.format, width: probe.width, height: probe.height, frames: probe.frames };
}

const run = (src: EncodedImage, steps: unknown[]) => runPipeline(engine, src, steps.map((s) => imageJobStepSchema.parse(s)), async () => Buffer.alloc(0));

describe('animated GIF: keepAnimation', () => {
  it('reads the test GIF as 3 frames of 40×20', async () => {
    const src = await source();
    expect([src.format, src.width, src.height, src.frames]).toEqual(['gif', 40, 20, 3]);
  });

  it('resize keeps every frame with keepAnimation (the default) and only the first without', async () => {
    const src = await source();
    const [kept] = await run(src, [{ templateOperationId: 'resize_max_fit', option: { width: 20, height: 20 } }]);
    const [flat] = await run(src, [{ templateOperationId: 'resize_max_fit', option: { width: 20, height: 20, keepAnimation: false } }]);
    expect([kept.image.format, kept.image.width, kept.image.height, kept.image.frames]).toEqual(['gif', 20, 10, 3]);
    expect((await engine.probe(kept.image.data)).frames).toBe(3);
    expect([flat.image.format, flat.image.width, flat.image.height]).toEqual(['gif', 20, 10]);
    expect((await engine.probe(flat.image.data)).frames).toBe(1);
    const first = await engine.pixels(flat.image.data);
    expect([...first.data.subarray(0, 3)]).toEqual([255, 0, 0]);
  });

  it('gray and rectangle follow keepAnimation too (rectangle defaults to the first frame)', async () => {
    const src = await source();
    const [gray] = await run(src, [{ templateOperationId: 'gray', option: {} }]);
    const [grayFlat] = await run(src, [{ templateOperationId: 'gray', option: { keepAnimation: false } }]);
    const [rect] = await run(src, [{ templateOperationId: 'rectangle', option: { width: 10, height: 10 } }]);
    const [rectAnimated] = await run(src, [{ templateOperationId: 'rectangle', option: { width: 10, height: 10, keepAnimation: true } }]);
    expect((await engine.probe(gray.image.data)).frames).toBe(3);
    expect((await engine.probe(grayFlat.image.data)).frames).toBe(1);
    expect((await engine.probe(rect.image.data)).frames).toBe(1);
    expect((await engine.probe(rectAnimated.image.data)).frames).toBe(3);
    expect([rectAnimated.image.width, rectAnimated.image.height]).toEqual([10, 10]);
  });
});
