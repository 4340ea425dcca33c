import { generateBatch } from '../src/generation/batch-fill';
import { isFailedImage } from '../src/providers/provider.types';
import { arkClientOf } from './support/fake-ark-client';
import { arkTestBed, lighthouseScenes } from './support/ark-test-bed';

const { server, jpegs } = arkTestBed({ red: [64, 48], blue: [64, 48] });

const ark = () => arkClientOf(server, { maxAttempts: 1, backoffBaseMs: 10, retryAfterMaxMs: 100 });

const request = lighthouseScenes({ model: 'seedream-4-0-250828', width: 64, height: 48 });
const image = (bytes: Buffer) => ({ b64_json: bytes.toString('base64'), size: '64x48' });
const ok = (...data: unknown[]) => ({
  status: 200,
  json: { model: 'seedream-4-0-250828', created: 1, data, usage: { generated_images: data.length } },
});
const filtered = {
  status: 400,
  json: { error: { code: 'OutputImageSensitiveContentDetected', message: 'sensitive' } },
};

describe('batch fallback (seed 002 "Batch & Fallback") against a server speaking the Ark protocol', () => {
  it('asks for each missing image in parallel, single-image, and appends them in order', async () => {
    server.answerWith(ok(image(jpegs.red), image(jpegs.red)), ok(image(jpegs.blue)));
    const batch = await generateBatch(ark(), request, 4, new AbortController().signal);
    expect(batch.images).toHaveLength(4);
    expect(batch.images.every((i) => !isFailedImage(i))).toBe(true);
    const calls = server.generationRequests();
    expect(calls).toHaveLength(3);
    expect(calls[0].body).toMatchObject({ sequential_image_generation: 'auto' });
    for (const fallback of calls.slice(1))
      expect(fallback.body).toMatchObject({ sequential_image_generation: 'disabled' });
  });

  it('a fallback image refused by the content filter stays an error in its place; the others are kept', async () => {
    server.answerWith(ok(image(jpegs.red)), filtered);
    const batch = await generateBatch(ark(), request, 3, new AbortController().signal);
    expect(batch.images.map((i) => (isFailedImage(i) ? i.error : 'ok'))).toEqual([
      'ok',
      { code: 'ContentFilter', message: 'Image rejected by content filter' },
      { code: 'ContentFilter', message: 'Image rejected by content filter' },
    ]);
  });

  it('per-image errors of the first answer count as delivered places: no fallback for them', async () => {
    server.answerWith(
      ok(image(jpegs.red), { error: { code: 'ContentFilter', message: 'Image rejected by content filter' } }),
    );
    const batch = await generateBatch(ark(), { ...request, maxImages: 2 }, 2, new AbortController().signal);
    expect(batch.images).toHaveLength(2);
    expect(server.generationRequests()).toHaveLength(1);
  });

  it('in disabled mode never asks again', async () => {
    server.answerWith(ok(image(jpegs.red)));
    const batch = await generateBatch(
      ark(),
      { ...request, sequentialImageGeneration: 'disabled', maxImages: 1 },
      1,
      new AbortController().signal,
    );
    expect(batch.images).toHaveLength(1);
    expect(server.generationRequests()).toHaveLength(1);
  });

  it('the first call failing fails the request', async () => {
    server.answerWith(filtered);
    await expect(generateBatch(ark(), request, 4, new AbortController().signal)).rejects.toMatchObject({
      code: 'ValidationFailed',
    });
  });
});
