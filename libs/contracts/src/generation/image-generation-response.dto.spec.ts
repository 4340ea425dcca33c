import { imageGenerationResponseSchema, imageOutputTokens } from './image-generation-response.dto';

describe('image generation response', () => {
  it('accepts the seed’s success and partial-error examples', () => {
    const body = {
      model: 'seedream-4-5-251128',
      created: 1757323224,
      data: [
        { url: 'https://ark-example/image-001.jpeg', size: '1760x2368' },
        { b64_json: '/9j/4AAQSkZJRgABAQ', size: '2048x2048' },
        { error: { code: 'ContentFilter', message: 'Image rejected by content filter' } },
      ],
      usage: { generated_images: 1, output_tokens: 16280, total_tokens: 16280 },
    };
    expect(imageGenerationResponseSchema.parse(body)).toEqual(body);
    expect(imageGenerationResponseSchema.safeParse({ ...body, data: [{ url: 'x', size: '2K' }] }).success).toBe(false);
  });
  it('counts ⌈w·h/256⌉ tokens per image (the seed’s 1760x2368 → 16280)', () => {
    expect(imageOutputTokens(1760, 2368)).toBe(16280);
    expect(imageOutputTokens(15, 17)).toBe(1);
  });
});
