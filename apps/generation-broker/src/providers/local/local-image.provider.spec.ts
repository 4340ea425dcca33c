import { decodeImage, solidJpeg } from '../image-pixels.sharp.adapter';
import { GeneratedImage, isFailedImage, ProviderRequest } from '../provider.types';
import { LocalImageProvider } from './local-image.provider';

const provider = new LocalImageProvider();
const request = (overrides: Partial<ProviderRequest> = {}): ProviderRequest => ({
  model: 'seedream-4-5-251128',
  prompt: 'A lighthouse at dusk, oil painting',
  width: 320,
  height: 200,
  sequentialImageGeneration: 'disabled',
  maxImages: 1,
  references: [],
  responseFormat: 'b64_json',
  ...overrides,
});

async function images(overrides: Partial<ProviderRequest> = {}): Promise<GeneratedImage[]> {
  const result = await provider.generate(request(overrides));
  expect(result.provider).toBe('local');
  return result.images.map((i) => {
    if (isFailedImage(i)) throw new Error(i.error.message);
    return i;
  });
}

function meanAbsDiff(a: Buffer, b: Buffer): number {
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += Math.abs(a[i]! - b[i]!);
  return sum / a.length;
}

describe('LocalImageProvider', () => {
  it('renders the same bytes for the same prompt, size and seed', async () => {
    const [a] = await images({ seed: 42 });
    const [b] = await images({ seed: 42 });
    expect(a!.bytes.equals(b!.bytes)).toBe(true);
  });

  it('renders a different picture for another prompt or another seed', async () => {
    const [base] = await images({ seed: 1 });
    const [otherSeed] = await images({ seed: 2 });
    const [otherPrompt] = await images({ seed: 1, prompt: 'A red bicycle in the snow' });
    const pixels = (await decodeImage(base!.bytes)).pixels;
    expect(meanAbsDiff(pixels, (await decodeImage(otherSeed!.bytes)).pixels)).toBeGreaterThan(10);
    expect(meanAbsDiff(pixels, (await decodeImage(otherPrompt!.bytes)).pixels)).toBeGreaterThan(10);
  });

  it.each([
    [320, 200],
    [1, 16],
    [1760, 2368],
  ])('produces a JPEG of exactly %ix%i', async (width, height) => {
    const [image] = await images({ width, height });
    const decoded = await decodeImage(image!.bytes);
    expect([decoded.format, decoded.width, decoded.height]).toEqual(['jpeg', width, height]);
    expect([image!.width, image!.height]).toEqual([width, height]);
  });

  it('blends the first reference image in', async () => {
    const reference = await solidJpeg(50, 50, [0, 255, 0]);
    const [plain] = await images({ seed: 3 });
    const [blended] = await images({ seed: 3, references: [reference] });
    const a = (await decodeImage(plain!.bytes)).pixels;
    const b = (await decodeImage(blended!.bytes)).pixels;
    let greener = 0;
    for (let i = 0; i < a.length; i += 3) if (b[i + 1]! > a[i + 1]! + 20) greener++;
    expect(greener / (a.length / 3)).toBeGreaterThan(0.5);
  });

  it('returns as many images as an auto-mode prompt names, capped by max_images, each different', async () => {
    const four = await images({
      sequentialImageGeneration: 'auto',
      maxImages: 15,
      prompt: 'Generate 4 seasonal scenes',
    });
    expect(four).toHaveLength(4);
    expect(new Set(four.map((i) => i.bytes.toString('base64'))).size).toBe(4);
    expect(await images({ sequentialImageGeneration: 'auto', maxImages: 2, prompt: 'Generate 4 scenes' })).toHaveLength(
      2,
    );
    expect(await images({ sequentialImageGeneration: 'auto', maxImages: 15, prompt: 'A cat' })).toHaveLength(1);
    expect(await images({ sequentialImageGeneration: 'disabled', prompt: 'Generate 4 scenes' })).toHaveLength(1);
  });

  it('reports usage as the seed computes it (⌈w·h/256⌉ per image)', async () => {
    const result = await provider.generate(
      request({
        sequentialImageGeneration: 'auto',
        maxImages: 15,
        prompt: 'Generate two images',
        width: 100,
        height: 30,
      }),
    );
    expect(result.usage).toEqual({ generatedImages: 2, outputTokens: 2 * 12, totalTokens: 24 });
  });
});
