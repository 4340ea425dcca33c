import { imageJobStepSchema } from '@mp/contracts';
import { EncodedImage } from './image-engine';
import { runPipeline } from './operation-pipeline';
import { animatedGif } from '../../test/animated-gif.fixture';
import { SharpImageEngine } from './sharp.adapter';

const engine = new SharpImageEngine({ maxInputPixels: 40_000_000, maxFrames: 100, threads: 1 });

async function source(): Promise<EncodedImage> {
  const data = animatedGif(40, 20, [0, 1, 2]);
  const probe = await engine.probe(data);
  return { data, format: probe.format, width: probe.width, height: probe.height, frames: probe.frames };
}

const run = (src: EncodedImage, steps: unknown[]) =>
  runPipeline(
    engine,
    src,
    steps.map((s) => imageJobStepSchema.parse(s)),
    async () => Buffer.alloc(0),
  );

describe('animated GIF: keepAnimation', () => {
  it('reads the test GIF as 3 frames of 40×20', async () => {
    const src = await source();
    expect([src.format, src.width, src.height, src.frames]).toEqual(['gif', 40, 20, 3]);
  });

  it('resize keeps every frame with keepAnimation (the default) and only the first without', async () => {
    const src = await source();
    const [kept] = await run(src, [{ templateOperationId: 'resize_max_fit', option: { width: 20, height: 20 } }]);
    const [flat] = await run(src, [
      { templateOperationId: 'resize_max_fit', option: { width: 20, height: 20, keepAnimation: false } },
    ]);
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
    const [rectAnimated] = await run(src, [
      { templateOperationId: 'rectangle', option: { width: 10, height: 10, keepAnimation: true } },
    ]);
    expect((await engine.probe(gray.image.data)).frames).toBe(3);
    expect((await engine.probe(grayFlat.image.data)).frames).toBe(1);
    expect((await engine.probe(rect.image.data)).frames).toBe(1);
    expect((await engine.probe(rectAnimated.image.data)).frames).toBe(3);
    expect([rectAnimated.image.width, rectAnimated.image.height]).toEqual([10, 10]);
  });
});
