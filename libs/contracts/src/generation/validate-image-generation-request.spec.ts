import { outputSizeOf, validateImageGenerationRequest } from './validate-image-generation-request';

const base = { model: 'seedream-4.5', prompt: 'A lighthouse at dusk' };
const png = (payload = 'iVBORw0KGgo=') => `data:image/png;base64,${payload}`;

function ok(body: Record<string, unknown>) {
  const result = validateImageGenerationRequest(body);
  if (!result.ok) throw new Error(`expected success, got ${result.error.message}`);
  return result.request;
}

function refused(body: unknown) {
  const result = validateImageGenerationRequest(body);
  if (result.ok) throw new Error('expected a refusal');
  return result.error;
}

const invalid = (message: string) => ({ code: 'InvalidParameter', message });

describe('validateImageGenerationRequest', () => {
  it('fills the seed defaults', () => {
    const r = ok(base);
    expect(r.model.providerId).toBe('seedream-4-5-251128');
    expect(r).toMatchObject({
      prompt: base.prompt,
      references: [],
      size: { kind: 'custom', width: 2048, height: 2048 },
      sizeLabel: '2048x2048',
      responseFormat: 'url',
      watermark: true,
      sequential: 'disabled',
      maxImages: 1,
      promptMode: 'standard',
    });
  });

  it('refuses a body that is not an object', () => {
    expect(refused('hello')).toEqual(invalid('The request body must be a JSON object'));
    expect(refused([base])).toEqual(invalid('The request body must be a JSON object'));
    expect(refused(null)).toEqual(invalid('The request body must be a JSON object'));
  });

  it('ignores unknown fields such as OpenAI’s user and quality', () => {
    expect(ok({ ...base, user: 'u-1', quality: 'hd', style: 'vivid' })).not.toHaveProperty('user');
  });

  describe('model', () => {
    it('is required', () => {
      expect(refused({ prompt: 'x' })).toEqual({ code: 'MissingParameter', message: 'model is required' });
    });
    it('names one of the registry', () => {
      expect(ok({ ...base, model: 'seedream-4.0' }).model.providerId).toBe('seedream-4-0-250828');
      expect(refused({ ...base, model: 'dall-e-3' })).toEqual(
        invalid('model must be one of seedream-4.5, seedream-4.0'),
      );
      expect(refused({ ...base, model: 45 })).toEqual(invalid('model must be a string'));
    });
    it('accepts the provider id the responses carry', () => {
      expect(ok({ ...base, model: 'seedream-4-5-251128' }).model.name).toBe('seedream-4.5');
    });
  });

  describe('prompt', () => {
    it('is required', () => {
      expect(refused({ model: 'seedream-4.5' })).toEqual({ code: 'MissingParameter', message: 'prompt is required' });
    });
    it('is a non-empty string', () => {
      expect(refused({ ...base, prompt: 12 })).toEqual(invalid('prompt must be a string'));
      expect(refused({ ...base, prompt: '   ' })).toEqual(invalid('prompt must not be empty'));
    });
    it('holds at most 10,000 characters (code points, not UTF-16 units)', () => {
      expect(ok({ ...base, prompt: 'a'.repeat(10_000) }).prompt).toHaveLength(10_000);
      expect(ok({ ...base, prompt: '😀'.repeat(10_000) }).prompt).toHaveLength(20_000);
      expect(refused({ ...base, prompt: 'a'.repeat(10_001) })).toEqual(
        invalid('prompt must be at most 10000 characters'),
      );
      expect(refused({ ...base, prompt: '😀'.repeat(10_001) })).toEqual(
        invalid('prompt must be at most 10000 characters'),
      );
    });
  });

  describe('image', () => {
    it('a single string is one reference named "image"', () => {
      expect(ok({ ...base, image: 'https://example.com/my-photo.jpg' }).references).toEqual([
        { source: 'https://example.com/my-photo.jpg', label: 'image' },
      ]);
    });
    it('an array holds 1 to 14 strings, named image[i]', () => {
      const urls = Array.from({ length: 14 }, (_, i) => `https://example.com/${i}.png`);
      const r = ok({ ...base, image: urls });
      expect(r.references).toHaveLength(14);
      expect(r.references[13]).toEqual({ source: urls[13], label: 'image[13]' });
      const rule = 'image must be a string or an array of 1 to 14 strings';
      expect(refused({ ...base, image: [] })).toEqual(invalid(rule));
      expect(refused({ ...base, image: [...urls, 'https://example.com/15.png'] })).toEqual(invalid(rule));
      expect(refused({ ...base, image: 7 })).toEqual(invalid(rule));
      expect(refused({ ...base, image: ['https://example.com/a.png', 5] })).toEqual(
        invalid('image[1] must be a string'),
      );
    });
    it('a URL is http(s) with a host', () => {
      const rule = 'must be a public http(s) URL or a data:image/<format>;base64,… URL';
      expect(ok({ ...base, image: 'http://example.com/a.jpg' }).references).toHaveLength(1);
      expect(refused({ ...base, image: 'ftp://example.com/a.jpg' })).toEqual(invalid(`image ${rule}`));
      expect(refused({ ...base, image: 'not a url' })).toEqual(invalid(`image ${rule}`));
      expect(refused({ ...base, image: ['https://example.com/a.png', 'file:///etc/passwd'] })).toEqual(
        invalid(`image[1] ${rule}`),
      );
      expect(refused({ ...base, image: `https://example.com/${'a'.repeat(2048)}` })).toEqual(
        invalid('image must be a URL of at most 2048 characters'),
      );
    });
    it.each(['jpeg', 'png', 'webp', 'bmp', 'tiff', 'gif'])('a data URL may carry %s', (format) => {
      expect(ok({ ...base, image: `data:image/${format};base64,AAAA` }).references).toHaveLength(1);
    });
    it('a data URL names an accepted format in lowercase and carries base64', () => {
      expect(refused({ ...base, image: 'data:image/JPEG;base64,AAAA' })).toEqual(
        invalid('image must write its format in lowercase: data:image/jpeg;base64,…'),
      );
      expect(refused({ ...base, image: 'data:image/svg+xml;base64,AAAA' })).toEqual(
        invalid(
          'image has format "svg+xml"; use one of jpeg, png, webp, bmp, tiff, gif (data:image/<format>;base64,…)',
        ),
      );
      expect(refused({ ...base, image: 'data:image/jpg;base64,AAAA' })).toEqual(
        invalid('image has format "jpg"; use one of jpeg, png, webp, bmp, tiff, gif (data:image/<format>;base64,…)'),
      );
      expect(refused({ ...base, image: 'data:image/png,AAAA' })).toEqual(
        invalid('image must be a public http(s) URL or a data:image/<format>;base64,… URL'),
      );
      expect(refused({ ...base, image: 'data:image/png;base64,' })).toEqual(
        invalid('image has no image data after base64,'),
      );
      expect(refused({ ...base, image: 'data:image/png;base64,@@@@' })).toEqual(
        invalid('image does not carry valid base64 data'),
      );
    });
    it('a data URL decodes to at most 10 MB', () => {
      const tenMb = Buffer.alloc(10 * 1024 * 1024).toString('base64');
      expect(ok({ ...base, image: png(tenMb) }).references).toHaveLength(1);
      const over = Buffer.alloc(10 * 1024 * 1024 + 1).toString('base64');
      expect(refused({ ...base, image: png('A'.repeat(14_000_000)) })).toEqual(
        invalid('image must be at most 14000000 characters'),
      );
      expect(refused({ ...base, image: [png(), png(over)] })).toEqual(
        invalid('image[1] is 10485761 bytes once decoded; at most 10 MB (10485760 bytes)'),
      );
    });
  });

  describe('size', () => {
    it('accepts the presets of the model, in any case', () => {
      expect(ok({ ...base, size: '2K' }).size).toEqual({ kind: 'preset', preset: '2K' });
      expect(ok({ ...base, size: '4k' }).size).toEqual({ kind: 'preset', preset: '4K' });
      expect(ok({ ...base, model: 'seedream-4.0', size: '1K' }).size).toEqual({ kind: 'preset', preset: '1K' });
      expect(ok({ ...base, size: '2K' }).sizeLabel).toBe('2K');
    });
    it('refuses what is neither a preset nor WIDTHxHEIGHT, with the seed’s message', () => {
      expect(refused({ ...base, size: '5K' })).toEqual(invalid('Invalid size "5K". Use 2K/4K or WIDTHxHEIGHT'));
      expect(refused({ ...base, model: 'seedream-4.0', size: 'big' })).toEqual(
        invalid('Invalid size "big". Use 1K/2K/4K or WIDTHxHEIGHT'),
      );
      expect(refused({ ...base, size: 2048 })).toEqual(invalid('size must be a string: 2K/4K or WIDTHxHEIGHT'));
      expect(refused({ ...base, size: '2048x2048'.repeat(4) })).toEqual(invalid('size must be at most 32 characters'));
    });
    it('refuses a preset the model does not have (1K on 4.5)', () => {
      expect(refused({ ...base, size: '1K' })).toEqual(
        invalid('Invalid size "1K". seedream-4.5 has no 1K preset. Use 2K/4K or WIDTHxHEIGHT'),
      );
    });
    it('keeps a custom size inside the pixel range of seedream-4.5 [3686400, 16777216]', () => {
      expect(ok({ ...base, size: '2560x1440' }).size).toEqual({ kind: 'custom', width: 2560, height: 1440 });
      expect(ok({ ...base, size: '4096x4096' }).size).toEqual({ kind: 'custom', width: 4096, height: 4096 });
      expect(refused({ ...base, size: '2560x1439' })).toEqual(
        invalid('Invalid size "2560x1439". Total pixels 3683840 must be between 3686400 and 16777216 for seedream-4.5'),
      );
      expect(refused({ ...base, size: '4096x4097' })).toEqual(
        invalid(
          'Invalid size "4096x4097". Total pixels 16781312 must be between 3686400 and 16777216 for seedream-4.5',
        ),
      );
    });
    it('keeps a custom size inside the pixel range of seedream-4.0 [921600, 16777216]', () => {
      const m = { ...base, model: 'seedream-4.0' };
      expect(ok({ ...m, size: '1280x720' }).size).toEqual({ kind: 'custom', width: 1280, height: 720 });
      expect(ok({ ...m, size: '1024x900' }).size).toEqual({ kind: 'custom', width: 1024, height: 900 });
      expect(refused({ ...m, size: '1279x720' })).toEqual(
        invalid('Invalid size "1279x720". Total pixels 920880 must be between 921600 and 16777216 for seedream-4.0'),
      );
      expect(refused({ ...m, size: '4097x4096' })).toEqual(
        invalid('Invalid size "4097x4096". Total pixels 16781312 must be between 921600 and 16777216 for seedream-4.0'),
      );
    });
    it('keeps the aspect ratio of a custom size inside [1/16, 16]', () => {
      const m = { ...base, model: 'seedream-4.0' };
      expect(ok({ ...m, size: '4096x256' }).size).toEqual({ kind: 'custom', width: 4096, height: 256 });
      expect(ok({ ...m, size: '256x4096' }).size).toEqual({ kind: 'custom', width: 256, height: 4096 });
      const rule = 'Aspect ratio (width / height) must be between 1/16 and 16';
      expect(refused({ ...m, size: '4097x256' })).toEqual(invalid(`Invalid size "4097x256". ${rule}`));
      expect(refused({ ...m, size: '256x4097' })).toEqual(invalid(`Invalid size "256x4097". ${rule}`));
      expect(refused({ ...m, size: '0x2048' })).toEqual(
        invalid('Invalid size "0x2048". Width and height must be positive'),
      );
    });
  });

  describe('response_format and watermark', () => {
    it('response_format is url or b64_json', () => {
      expect(ok({ ...base, response_format: 'b64_json' }).responseFormat).toBe('b64_json');
      expect(refused({ ...base, response_format: 'png' })).toEqual(invalid('response_format must be url or b64_json'));
    });
    it('watermark is a boolean, true by default', () => {
      expect(ok({ ...base, watermark: false }).watermark).toBe(false);
      expect(refused({ ...base, watermark: 'false' })).toEqual(invalid('watermark must be true or false'));
    });
  });

  describe('sequential_image_generation', () => {
    it('is disabled or auto; disabled delivers one image whatever max_images says', () => {
      expect(
        ok({
          ...base,
          sequential_image_generation: 'disabled',
          sequential_image_generation_options: { max_images: 4 },
        }),
      ).toMatchObject({ sequential: 'disabled', maxImages: 1 });
      expect(refused({ ...base, sequential_image_generation: 'batch' })).toEqual(
        invalid('sequential_image_generation must be disabled or auto'),
      );
    });
    it('max_images is an integer 1–15, 15 by default', () => {
      const auto = { ...base, sequential_image_generation: 'auto' };
      expect(ok(auto).maxImages).toBe(15);
      expect(ok({ ...auto, sequential_image_generation_options: { max_images: 1 } }).maxImages).toBe(1);
      expect(ok({ ...auto, sequential_image_generation_options: { max_images: 15 } }).maxImages).toBe(15);
      const rule = 'sequential_image_generation_options.max_images must be an integer from 1 to 15';
      expect(refused({ ...auto, sequential_image_generation_options: { max_images: 0 } })).toEqual(invalid(rule));
      expect(refused({ ...auto, sequential_image_generation_options: { max_images: 16 } })).toEqual(invalid(rule));
      expect(refused({ ...auto, sequential_image_generation_options: { max_images: 2.5 } })).toEqual(invalid(rule));
      expect(refused({ ...auto, sequential_image_generation_options: { max_images: '4' } })).toEqual(invalid(rule));
      expect(refused({ ...auto, sequential_image_generation_options: 4 })).toEqual(
        invalid('sequential_image_generation_options must be an object'),
      );
    });
    it('references + max_images ≤ 15; the default shrinks to fit (3 references → 12)', () => {
      const three = ['https://a.example/1.png', 'https://a.example/2.png', 'https://a.example/3.png'];
      const auto = { ...base, image: three, sequential_image_generation: 'auto' };
      expect(ok(auto).maxImages).toBe(12);
      expect(ok({ ...auto, sequential_image_generation_options: { max_images: 12 } }).maxImages).toBe(12);
      expect(refused({ ...auto, sequential_image_generation_options: { max_images: 13 } })).toEqual(
        invalid(
          'sequential_image_generation_options.max_images 13 plus 3 reference image(s) exceeds 15: ask for at most 12',
        ),
      );
    });
    it('14 references leave room for one output', () => {
      const refs = Array.from({ length: 14 }, (_, i) => `https://a.example/${i}.png`);
      expect(ok({ ...base, image: refs, sequential_image_generation: 'auto' }).maxImages).toBe(1);
      expect(ok({ ...base, image: refs }).maxImages).toBe(1);
    });
  });

  describe('optimize_prompt_options.mode', () => {
    it('is standard or fast', () => {
      expect(ok({ ...base, optimize_prompt_options: { mode: 'standard' } }).promptMode).toBe('standard');
      expect(ok({ ...base, optimize_prompt_options: {} }).promptMode).toBe('standard');
      expect(refused({ ...base, optimize_prompt_options: { mode: 'turbo' } })).toEqual(
        invalid('optimize_prompt_options.mode must be standard or fast'),
      );
      expect(refused({ ...base, optimize_prompt_options: 'fast' })).toEqual(
        invalid('optimize_prompt_options must be an object'),
      );
    });
    it('fast only on seedream-4.0', () => {
      expect(ok({ ...base, model: 'seedream-4.0', optimize_prompt_options: { mode: 'fast' } }).promptMode).toBe('fast');
      expect(refused({ ...base, optimize_prompt_options: { mode: 'fast' } })).toEqual(
        invalid('optimize_prompt_options.mode "fast" is not supported by seedream-4.5 (supported: standard)'),
      );
    });
  });

  describe('legacy n', () => {
    it('n > 1 without sequential_image_generation becomes auto + max_images n (the seed’s example)', () => {
      const r = ok({ ...base, prompt: 'A cute cat in different poses: sitting, jumping, sleeping', n: 3, size: '2K' });
      expect(r).toMatchObject({ sequential: 'auto', maxImages: 3 });
    });
    it('n = 1 stays disabled', () => {
      expect(ok({ ...base, n: 1 })).toMatchObject({ sequential: 'disabled', maxImages: 1 });
    });
    it('an explicit sequential_image_generation wins over n', () => {
      expect(ok({ ...base, n: 3, sequential_image_generation: 'disabled' })).toMatchObject({
        sequential: 'disabled',
        maxImages: 1,
      });
      expect(ok({ ...base, n: 3, sequential_image_generation: 'auto' })).toMatchObject({ maxImages: 15 });
    });
    it('an explicit max_images wins over n', () => {
      expect(ok({ ...base, n: 3, sequential_image_generation_options: { max_images: 5 } })).toMatchObject({
        sequential: 'auto',
        maxImages: 5,
      });
    });
    it('n is an integer 1–15 and counts against references + outputs ≤ 15', () => {
      expect(ok({ ...base, n: 15 }).maxImages).toBe(15);
      expect(refused({ ...base, n: 0 })).toEqual(invalid('n must be an integer from 1 to 15'));
      expect(refused({ ...base, n: 16 })).toEqual(invalid('n must be an integer from 1 to 15'));
      expect(refused({ ...base, n: 14, image: ['https://a.example/1.png', 'https://a.example/2.png'] })).toEqual(
        invalid('n 14 plus 2 reference image(s) exceeds 15: ask for at most 13'),
      );
    });
  });

  describe('outputSizeOf', () => {
    it('a custom size is exact, a preset follows the prompt, then the first reference, then 1:1', () => {
      expect(outputSizeOf(ok({ ...base, size: '3000x2000' }), { width: 100, height: 400 })).toEqual({
        width: 3000,
        height: 2000,
      });
      expect(outputSizeOf(ok({ ...base, size: '2K', prompt: 'poster portrait 3:4' }))).toEqual({
        width: 1728,
        height: 2304,
      });
      const withReference = ok({ ...base, size: '4K', image: 'https://example.com/wide.jpg' });
      expect(outputSizeOf(withReference, { width: 1920, height: 1080 })).toEqual({ width: 5504, height: 3040 });
      expect(outputSizeOf(withReference)).toEqual({ width: 4096, height: 4096 });
      expect(outputSizeOf(ok(base))).toEqual({ width: 2048, height: 2048 });
    });
  });
});
