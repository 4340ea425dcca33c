import { DomainError } from '@mp/contracts';
import { parseAllowlist } from '@mp/outbound';
import { ArkProviderOptions } from '../src/providers/ark/ark-image.provider';
import { isFailedImage, ProviderRequest } from '../src/providers/provider.types';
import { arkClientOf } from './support/fake-ark-client';
import { arkTestBed, lighthouseScenes } from './support/ark-test-bed';

const { server, jpegs } = arkTestBed({ red: [64, 48], blue: [32, 32] });

const provider = (overrides: Partial<ArkProviderOptions> = {}) => arkClientOf(server, overrides);

const request = (overrides: Partial<ProviderRequest> = {}): ProviderRequest =>
  lighthouseScenes({ model: 'seedream-4-5-251128', width: 2048, height: 2048, ...overrides });

const b64 = (bytes: Buffer, size = '64x48') => ({ b64_json: bytes.toString('base64'), size });
const ok = (...data: unknown[]) => ({
  status: 200,
  json: {
    model: 'seedream-4-5-251128',
    created: 1757323224,
    data,
    usage: { generated_images: data.length, output_tokens: 12, total_tokens: 12 },
  },
});

async function failure(promise: Promise<unknown>): Promise<DomainError> {
  const err = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(DomainError);
  return err as DomainError;
}

describe('Ark images API adapter (against a local server speaking the protocol)', () => {
  it('sends the seed’s request body with our key and decodes b64_json outputs', async () => {
    server.answerWith(ok(b64(jpegs.red), b64(jpegs.blue, '32x32')));
    const result = await provider().generate(request({ references: [jpegs.blue, jpegs.red], seed: 7 }));
    const [sent] = server.generationRequests();
    expect(sent!.headers.authorization).toBe('Bearer ark-test-key');
    expect(sent!.body).toEqual({
      model: 'seedream-4-5-251128',
      prompt: 'Generate 4 seasonal scenes of one lighthouse',
      size: '2048x2048',
      sequential_image_generation: 'auto',
      sequential_image_generation_options: { max_images: 4 },
      response_format: 'b64_json',
      watermark: false,
      stream: false,
      seed: 7,
      image: [
        `data:image/jpeg;base64,${jpegs.blue.toString('base64')}`,
        `data:image/jpeg;base64,${jpegs.red.toString('base64')}`,
      ],
    });
    expect(result.provider).toBe('ark');
    expect(result.usage).toEqual({ generatedImages: 2, outputTokens: 12, totalTokens: 12 });
    expect(result.images).toEqual([
      { bytes: jpegs.red, width: 64, height: 48 },
      { bytes: jpegs.blue, width: 32, height: 32 },
    ]);
  });

  it('sends a single reference as a string and no batch options when sequential generation is disabled', async () => {
    server.answerWith(ok(b64(jpegs.red)));
    await provider().generate(
      request({ sequentialImageGeneration: 'disabled', maxImages: 1, references: [jpegs.red] }),
    );
    const body = server.generationRequests()[0]!.body!;
    expect(body.image).toBe(`data:image/jpeg;base64,${jpegs.red.toString('base64')}`);
    expect(body.sequential_image_generation).toBe('disabled');
    expect(body).not.toHaveProperty('sequential_image_generation_options');
    expect(body).not.toHaveProperty('seed');
  });

  it('returns fewer images than asked for when the provider does', async () => {
    server.answerWith(ok(b64(jpegs.red), b64(jpegs.red)));
    const result = await provider().generate(request({ maxImages: 4 }));
    expect(result.images).toHaveLength(2);
    expect(server.generationRequests()).toHaveLength(1);
  });

  it('keeps per-image content-filter errors in place while the other images succeed', async () => {
    server.answerWith(
      ok(
        b64(jpegs.red),
        { error: { code: 'OutputImageSensitiveContentDetected', message: 'Image rejected by content filter' } },
        { error: { code: 'ContentFilter', message: 'Image rejected by content filter' } },
        b64(jpegs.blue, '32x32'),
      ),
    );
    const result = await provider().generate(request());
    expect(result.images.map((i) => (isFailedImage(i) ? i.error.code : 'ok'))).toEqual([
      'ok',
      'ContentFilter',
      'ContentFilter',
      'ok',
    ]);
    expect(result.images[1]).toEqual({ error: { code: 'ContentFilter', message: 'Image rejected by content filter' } });
    expect(server.generationRequests()).toHaveLength(1);
  });

  it('downloads url outputs through the guarded client, failing only the image whose download fails', async () => {
    const url = server.serveFile('a.jpeg', jpegs.red);
    server.answerWith(ok({ url, size: '64x48' }, { url: `${server.baseUrl}/files/missing.jpeg`, size: '64x48' }));
    const result = await provider().generate(request({ responseFormat: 'url' }));
    expect(server.generationRequests()[0]!.body!.response_format).toBe('url');
    expect(result.images[0]).toEqual({ bytes: jpegs.red, width: 64, height: 48 });
    expect(result.images[1]).toEqual({
      error: { code: 'DownloadFailed', message: 'downloading the image answered HTTP 404' },
    });
  });

  it('refuses to keep a downloaded image larger than the cap', async () => {
    const url = server.serveFile('big.jpeg', Buffer.concat([jpegs.red, Buffer.alloc(300 * 1024)]));
    server.answerWith(ok({ url, size: '64x48' }));
    const result = await provider().generate(request({ responseFormat: 'url' }));
    expect(result.images[0]).toEqual({
      error: { code: 'DownloadFailed', message: `the image is larger than ${256 * 1024} bytes` },
    });
  });

  it('waits for Retry-After after a 429, then succeeds', async () => {
    server.answerWith(
      { status: 429, headers: { 'retry-after': '1' }, json: { error: { code: 'RateLimit' } } },
      ok(b64(jpegs.red)),
    );
    const result = await provider().generate(request());
    const [first, second] = server.generationRequests();
    expect(result.images).toHaveLength(1);
    expect(second!.at - first!.at).toBeGreaterThanOrEqual(950);
  });

  it('passes a 429 on as RateLimited when its Retry-After is longer than we wait', async () => {
    server.answerWith({ status: 429, headers: { 'retry-after': '30' }, json: { error: { code: 'RateLimit' } } });
    const started = Date.now();
    const err = await failure(provider().generate(request()));
    expect(err.code).toBe('RateLimited');
    expect(err.details).toMatchObject({ retryAfterSeconds: 30, providerStatus: 429 });
    expect(Date.now() - started).toBeLessThan(1_000);
    expect(server.generationRequests()).toHaveLength(1);
  });

  it('retries a 500, then succeeds', async () => {
    server.answerWith(
      { status: 500, json: { error: { code: 'InternalServiceError', message: 'boom' } } },
      ok(b64(jpegs.red)),
    );
    const result = await provider().generate(request());
    expect(result.images).toHaveLength(1);
    expect(server.generationRequests()).toHaveLength(2);
  });

  it('retries a dropped connection (transport error), then succeeds', async () => {
    server.answerWith({ status: 0, hangUp: true }, ok(b64(jpegs.red)));
    const result = await provider().generate(request());
    expect(result.images).toHaveLength(1);
    expect(server.generationRequests()).toHaveLength(2);
  });

  it('gives up with DependencyUnavailable when the connection keeps dropping', async () => {
    server.answerWith({ status: 0, hangUp: true });
    const err = await failure(provider({ maxAttempts: 2 }).generate(request()));
    expect(err.code).toBe('DependencyUnavailable');
    expect(err.message).toContain('unreachable');
    expect(server.generationRequests()).toHaveLength(2);
  });

  it('gives up with DependencyUnavailable after the last attempt of a persistent 500', async () => {
    server.answerWith({ status: 503, json: { error: { code: 'ServerOverloaded', message: 'try later' } } });
    const err = await failure(provider().generate(request()));
    expect(err.code).toBe('DependencyUnavailable');
    expect(err.message).toContain('HTTP 503');
    expect(err.message).toContain('try later');
    expect(server.generationRequests()).toHaveLength(3);
  });

  it('never retries a 4xx: a content-filter refusal becomes ValidationFailed after one request', async () => {
    server.answerWith({
      status: 400,
      json: { error: { code: 'InputTextSensitiveContentDetected', message: 'The request was rejected' } },
    });
    const err = await failure(provider().generate(request()));
    expect(err.code).toBe('ValidationFailed');
    expect(err.details).toMatchObject({ contentFilter: true, providerCode: 'InputTextSensitiveContentDetected' });
    expect(server.generationRequests()).toHaveLength(1);
  });

  it('maps a refused key (401) to DependencyUnavailable without retrying', async () => {
    server.answerWith({ status: 401, json: { error: { code: 'AuthenticationError', message: 'bad key' } } });
    const err = await failure(provider().generate(request()));
    expect(err.code).toBe('DependencyUnavailable');
    expect(server.generationRequests()).toHaveLength(1);
  });

  it('ends with Timeout when the provider answers slower than the deadline, without retrying', async () => {
    server.answerWith({ ...ok(b64(jpegs.red)), delayMs: 1_500 });
    const started = Date.now();
    const err = await failure(provider({ timeoutMs: 400 }).generate(request()));
    expect(err.code).toBe('Timeout');
    expect(Date.now() - started).toBeLessThan(1_200);
    expect(server.generationRequests()).toHaveLength(1);
  });

  it('stops waiting as soon as the caller aborts', async () => {
    server.answerWith({ ...ok(b64(jpegs.red)), delayMs: 1_500 });
    const controller = new AbortController();
    setTimeout(() => controller.abort(new Error('client went away')), 100);
    const started = Date.now();
    await expect(provider().generate(request(), controller.signal)).rejects.toThrow('client went away');
    expect(Date.now() - started).toBeLessThan(1_000);
  });

  it('treats a malformed JSON answer as DependencyUnavailable', async () => {
    server.answerWith({ status: 200, raw: '{"data": [ {"b64_json": ' });
    const err = await failure(provider().generate(request()));
    expect(err.code).toBe('DependencyUnavailable');
    expect(server.generationRequests()).toHaveLength(1);
  });

  it('refuses an answer larger than the response cap', async () => {
    server.answerWith(ok(b64(Buffer.concat([jpegs.red, Buffer.alloc(2 * 1024 * 1024)]))));
    const err = await failure(provider().generate(request()));
    expect(err.code).toBe('DependencyUnavailable');
    expect(err.message).toContain('larger than');
  });

  it('marks an output that is not a JPEG as a failed image', async () => {
    server.answerWith(ok({ b64_json: Buffer.from('not an image').toString('base64'), size: '64x48' }, b64(jpegs.red)));
    const result = await provider().generate(request());
    expect(result.images[0]).toMatchObject({ error: { code: 'GenerationFailed' } });
    expect(result.images[1]).toMatchObject({ width: 64, height: 48 });
  });

  it('does not reach a private address the outbound allowlist does not name', async () => {
    server.answerWith(ok(b64(jpegs.red)));
    const guarded = provider({ policy: { allowedPorts: new Set([server.port]), ...parseAllowlist('') } });
    const err = await failure(guarded.generate(request()));
    expect(err.code).toBe('DependencyUnavailable');
    expect(err.message).toContain('refused');
    expect(server.generationRequests()).toHaveLength(0);
  });
});
