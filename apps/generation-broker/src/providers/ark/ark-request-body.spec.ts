import { DomainError } from '@mp/contracts';
import { arkRequestBody } from './ark-request-body';

const png = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');
const webp = Buffer.concat([Buffer.from('RIFF\x10\x00\x00\x00WEBPVP8 ', 'latin1')]);
const base = {
  model: 'seedream-4-0-250828',
  prompt: 'p',
  width: 1024,
  height: 768,
  sequentialImageGeneration: 'disabled' as const,
  maxImages: 1,
  references: [] as Buffer[],
  responseFormat: 'url' as const,
};

describe('arkRequestBody', () => {
  it('labels each reference data URL with its real format', () => {
    const body = arkRequestBody({ ...base, references: [png, webp] });
    expect(body.image).toEqual([
      `data:image/png;base64,${png.toString('base64')}`,
      `data:image/webp;base64,${webp.toString('base64')}`,
    ]);
    expect(body).toMatchObject({ size: '1024x768', watermark: false, stream: false, response_format: 'url' });
  });

  it('sends no image field without references, and prompt optimisation only when asked', () => {
    expect(arkRequestBody(base)).not.toHaveProperty('image');
    expect(arkRequestBody(base)).not.toHaveProperty('optimize_prompt_options');
    expect(arkRequestBody({ ...base, optimizePromptMode: 'fast' })).toMatchObject({
      optimize_prompt_options: { mode: 'fast' },
    });
  });

  it('refuses a reference that is not an image', () => {
    expect(() => arkRequestBody({ ...base, references: [Buffer.from('hello')] })).toThrow(DomainError);
  });
});
