import { platformSuite } from '@mp/testing';
import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { imageSize, PixelRegion, regionPixels, solidJpeg } from './support/test-images-sharp.adapter';

type ErrorBody = { error: { code: string; message: string } };
type Generation = {
  model: string;
  created: number;
  data: Array<{ url?: string; b64_json?: string; size?: string; error?: { code: string; message: string } }>;
  usage: { generated_images: number; output_tokens: number; total_tokens: number };
};

const S3_KEY_REFUSAL =
  'You are logged in with an S3 Storage key. Please login with an AI Image API key (kikaku_xxx) to access this feature.';

/** Seed 002's SeedDream examples against the embedded `local` provider, through real processes. */
describe('AI Image generation (seed 002 /v1/images/generations, real processes)', () => {
  let references: Server;
  let referencePort = 0;
  let portrait: Buffer;

  beforeAll(async () => {
    portrait = await solidJpeg(300, 400);
    references = createServer((req, res) => {
      if (req.url === '/my-photo.jpg') res.writeHead(200, { 'content-type': 'image/jpeg' }).end(portrait);
      else if (req.url === '/not-an-image.jpg') res.writeHead(200, { 'content-type': 'image/jpeg' }).end('<html>');
      else res.writeHead(404).end();
    });
    await new Promise<void>((resolve) => references.listen(0, '127.0.0.1', resolve));
    referencePort = (references.address() as AddressInfo).port;
  });
  afterAll(() => new Promise<void>((resolve) => references.close(() => resolve())));

  const suite = platformSuite({
    apps: ['quota-billing', 'generation-broker', 'gateway'],
    env: () => ({
      OUTBOUND_ALLOWLIST: '127.0.0.1',
      OUTBOUND_ALLOWED_PORTS: `80,443,${referencePort}`,
      GENERATION_RATE_LIMIT: '1000',
    }),
    teams: { 'gen-a': ['kikaku', 'kikaku_s3'] },
  });
  const kikaku = () => suite.team('gen-a').keys.kikaku!.key!;
  const referenceUrl = (path: string) => `http://127.0.0.1:${referencePort}${path}`;

  const generate = (body: unknown, key: string | null = kikaku(), headers: Record<string, string> = {}) =>
    fetch(`${suite.gatewayUrl}/v1/images/generations`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(key ? { authorization: `Bearer ${key}` } : {}), ...headers },
      body: JSON.stringify(body),
    });
  const refused = async (res: Response, status: number) => {
    expect(res.status).toBe(status);
    return ((await res.json()) as ErrorBody).error;
  };
  const sizeOf = imageSize;

  it('text-to-image (the seed curl): 2K, url, no watermark → one stored JPEG behind a signed URL', async () => {
    const res = await generate({
      model: 'seedream-4.5',
      prompt: 'Vibrant close-up editorial portrait, model with piercing gaze, wearing a sculptural hat',
      size: '2K',
      response_format: 'url',
      watermark: false,
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('x-provider')).toBe('local');
    const body = (await res.json()) as Generation;
    expect(body.model).toBe('seedream-4-5-251128');
    expect(Math.abs(body.created - Date.now() / 1000)).toBeLessThan(120);
    expect(body.data).toHaveLength(1);
    expect(body.data[0].size).toBe('2048x2048');
    expect(body.usage).toEqual({ generated_images: 1, output_tokens: 16384, total_tokens: 16384 });
    const image = await fetch(body.data[0].url!);
    expect(image.status).toBe(200);
    expect(await sizeOf(Buffer.from(await image.arrayBuffer()))).toEqual({ format: 'jpeg', size: '2048x2048' });
  });

  it('image-to-image from a URL, b64_json: the output takes the reference aspect of the 2K preset', async () => {
    const res = await generate({
      model: 'seedream-4.5',
      prompt: 'Keep the model pose unchanged. Change the clothing material to transparent water.',
      image: referenceUrl('/my-photo.jpg'),
      size: '2K',
      response_format: 'b64_json',
      watermark: false,
    });
    expect(res.status).toBe(200);
    const body = (await res.json()) as Generation;
    expect(body.data).toHaveLength(1);
    const decoded = await sizeOf(Buffer.from(body.data[0].b64_json!, 'base64'));
    expect(decoded.format).toBe('jpeg');
    expect(decoded.size).toBe(body.data[0].size);
    const [w, h] = body.data[0].size!.split('x').map(Number);
    expect(w).toBeLessThan(h);
  });

  it('a data: URL reference is decoded and checked on its bytes; custom WxH is honoured exactly', async () => {
    const res = await generate({
      model: 'seedream-4.0',
      prompt: 'Blend image 1 into a watercolour',
      image: [`data:image/jpeg;base64,${portrait.toString('base64')}`],
      size: '1280x720',
      response_format: 'b64_json',
    });
    expect(res.status).toBe(200);
    const body = (await res.json()) as Generation;
    expect(body.model).toBe('seedream-4-0-250828');
    expect(await sizeOf(Buffer.from(body.data[0].b64_json!, 'base64'))).toEqual({ format: 'jpeg', size: '1280x720' });
  });

  it('batch fallback: auto with max_images 3 and a prompt naming one image still delivers 3, billed 3', async () => {
    const res = await generate({
      model: 'seedream-4.0',
      prompt: 'A lighthouse at dusk',
      size: '1024x1024',
      sequential_image_generation: 'auto',
      sequential_image_generation_options: { max_images: 3 },
      response_format: 'b64_json',
      watermark: false,
    });
    expect(res.status).toBe(200);
    const body = (await res.json()) as Generation;
    expect(body.data).toHaveLength(3);
    const distinct = new Set(body.data.map((d) => d.b64_json));
    expect(distinct.size).toBe(3);
    expect(body.usage.generated_images).toBe(3);
    expect(body.usage.output_tokens).toBe(3 * 4096);
  });

  it('legacy n converts to auto + max_images', async () => {
    const res = await generate({ model: 'seedream-4.0', prompt: 'Two cats', size: '1K', n: 2 });
    expect(res.status).toBe(200);
    expect(((await res.json()) as Generation).data).toHaveLength(2);
  });

  it('the watermark is on by default and changes the bottom-right corner only', async () => {
    const body = { model: 'seedream-4.0', prompt: 'Flat grey wall', size: '1024x1024', response_format: 'b64_json' };
    const marked = (await (await generate(body)).json()) as Generation;
    const plain = (await (await generate({ ...body, watermark: false })).json()) as Generation;
    const pixels = (b64: string, region: PixelRegion) => regionPixels(Buffer.from(b64, 'base64'), region);
    const corner = { left: 824, top: 964, width: 200, height: 60 };
    const topLeft = { left: 0, top: 0, width: 200, height: 60 };
    expect((await pixels(marked.data[0].b64_json!, corner)).equals(await pixels(plain.data[0].b64_json!, corner))).toBe(
      false,
    );
    const a = await pixels(marked.data[0].b64_json!, topLeft);
    const b = await pixels(plain.data[0].b64_json!, topLeft);
    const maxDiff = a.reduce((max, v, i) => Math.max(max, Math.abs(v - b[i])), 0);
    expect(maxDiff).toBeLessThan(16);
  });

  it.each([
    [{ prompt: 'x' }, 'MissingParameter', 'model'],
    [{ model: 'seedream-4.5' }, 'MissingParameter', 'prompt'],
    [{ model: 'seedream-4.5', prompt: 'x', size: '5K' }, 'InvalidParameter', '5K'],
    [{ model: 'seedream-4.5', prompt: 'x', size: '1K' }, 'InvalidParameter', '1K'],
    [{ model: 'seedream-4.5', prompt: 'x', optimize_prompt_options: { mode: 'fast' } }, 'InvalidParameter', 'fast'],
    [{ model: 'seedream-9', prompt: 'x' }, 'InvalidParameter', 'model'],
    [{ model: 'seedream-4.5', prompt: 'x', response_format: 'png' }, 'InvalidParameter', 'response_format'],
  ])('refuses %j with 400 %s naming %s', async (body, code, named) => {
    const error = await refused(await generate(body), 400);
    expect(error.code).toBe(code);
    expect(error.message).toContain(named);
  });

  it('a reference URL that is not an image is refused from its bytes, whatever its name says', async () => {
    const error = await refused(
      await generate({ model: 'seedream-4.5', prompt: 'x', image: referenceUrl('/not-an-image.jpg') }),
      400,
    );
    expect(error).toEqual({ code: 'InvalidParameter', message: expect.stringContaining('image is not a') });
  });

  it('a reference URL on a private address is refused by the SSRF guard', async () => {
    const error = await refused(
      await generate({ model: 'seedream-4.5', prompt: 'x', image: 'http://10.0.0.1/photo.jpg' }),
      400,
    );
    expect(error.code).toBe('InvalidParameter');
    expect(error.message).toMatch(/^image URL is not allowed/);
  });

  it('401 without a key (with the seed hint), 403 with the seed sentence for an S3 key', async () => {
    const missing = await refused(await generate({ model: 'seedream-4.5', prompt: 'x' }, null), 401);
    expect(missing.message).toContain('Bearer kikaku_xxx');
    const wrong = await refused(
      await generate({ model: 'seedream-4.5', prompt: 'x' }, suite.team('gen-a').keys.kikaku_s3!.key!),
      403,
    );
    expect(wrong.message).toBe(S3_KEY_REFUSAL);
  });

  describe('Idempotency-Key', () => {
    const body = { model: 'seedream-4.0', prompt: 'A kite over the sea', size: '1K', response_format: 'b64_json' };

    it('a retry with the same key and body answers the first images without generating again', async () => {
      const idem = { 'idempotency-key': `kite-${Date.now()}` };
      const first = (await (await generate(body, kikaku(), idem)).json()) as Generation;
      const again = await generate(body, kikaku(), idem);
      expect(again.status).toBe(200);
      const replay = (await again.json()) as Generation;
      expect(replay.created).toBe(first.created);
      expect(replay.data).toEqual(first.data);
      const asUrl = (await (await generate({ ...body, response_format: 'url' }, kikaku(), idem)).json()) as ErrorBody;
      expect(asUrl.error.code).toBe('Conflict');
    });

    it('the same key with another body → 409; while the first still runs → 409 with Retry-After', async () => {
      const idem = { 'idempotency-key': `race-${Date.now()}` };
      const slow = {
        ...body,
        size: '4K',
        prompt: 'Generate 3 scenes',
        sequential_image_generation: 'auto',
        sequential_image_generation_options: { max_images: 3 },
      };
      const running = generate(slow, kikaku(), idem);
      await new Promise((resolve) => setTimeout(resolve, 150));
      const during = await generate(slow, kikaku(), idem);
      expect(during.status).toBe(409);
      expect(during.headers.get('retry-after')).toBe('5');
      expect(((await during.json()) as ErrorBody).error.message).toMatch(/still running/);
      expect((await running).status).toBe(200);
      const other = await generate({ ...slow, prompt: 'Something else' }, kikaku(), idem);
      expect(other.status).toBe(409);
      expect(((await other.json()) as ErrorBody).error.message).toMatch(/another request body/);
    });

    it('a refused or failed request does not hold the key; a malformed key is a 400', async () => {
      const idem = { 'idempotency-key': `bad-${Date.now()}` };
      expect((await generate({ ...body, size: '5K' }, kikaku(), idem)).status).toBe(400);
      const privateRef = { ...body, image: 'http://10.0.0.1/photo.jpg' };
      expect((await generate(privateRef, kikaku(), idem)).status).toBe(400);
      expect((await generate(body, kikaku(), idem)).status).toBe(200);
      expect((await generate({ ...body, size: '5K' }, kikaku(), { 'idempotency-key': 'has space' })).status).toBe(400);
    });
  });
});
