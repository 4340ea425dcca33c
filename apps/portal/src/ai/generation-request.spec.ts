import { buildGenerationBody, GenerateForm } from './generation-request';
import { buildLogQuery, pageCount } from './log-query';
import { modelRules } from './models';
import { sizeProblem } from './size-rule';

const form: GenerateForm = { model: 'seedream-4.5', prompt: ' a red fox ', size: '2K', watermark: false, images: 1 };

describe('generation form', () => {
  it('checks sizes as the API does', () => {
    const v45 = modelRules('seedream-4.5')!;
    const v40 = modelRules('seedream-4.0')!;
    expect(sizeProblem('2k', v45)).toBeNull();
    expect(sizeProblem('1K', v45)).toBe('seedream-4.5 has no 1K preset. Use 2K/4K or WIDTHxHEIGHT');
    expect(sizeProblem('1K', v40)).toBeNull();
    expect(sizeProblem('2048x2048', v45)).toBeNull();
    expect(sizeProblem('1024x1024', v45)).toMatch(/Total pixels 1048576 must be between 3686400/);
    expect(sizeProblem('1024x1024', v40)).toBeNull();
    expect(sizeProblem('3840x240', v40)).toBeNull();
    expect(sizeProblem('16000x900', v40)).toBe('The aspect ratio must be between 1/16 and 16');
    expect(sizeProblem('5K', v45)).toBe('Invalid size "5K". Use 2K/4K or WIDTHxHEIGHT');
    expect(sizeProblem('0x2048', v45)).toBe('Width and height must be positive');
  });

  it('builds the body of one image, and of several in auto mode', () => {
    expect(buildGenerationBody(form)).toEqual({
      ok: true,
      body: { model: 'seedream-4.5', prompt: 'a red fox', size: '2K', response_format: 'url', watermark: false },
    });
    const several = buildGenerationBody({ ...form, images: 3, reference: 'data:image/png;base64,AAAA' });
    expect(several).toMatchObject({
      ok: true,
      body: {
        sequential_image_generation: 'auto',
        sequential_image_generation_options: { max_images: 3 },
        image: 'data:image/png;base64,AAAA',
      },
    });
  });

  it('names the first field the API would refuse', () => {
    expect(buildGenerationBody({ ...form, model: 'dall-e' })).toMatchObject({ ok: false, field: 'model' });
    expect(buildGenerationBody({ ...form, prompt: '  ' })).toMatchObject({ ok: false, field: 'prompt' });
    expect(buildGenerationBody({ ...form, size: 'big' })).toMatchObject({ ok: false, field: 'size' });
    expect(buildGenerationBody({ ...form, images: 16 })).toMatchObject({ ok: false, field: 'images' });
    expect(buildGenerationBody({ ...form, reference: 'data:text/html;base64,AA' })).toMatchObject({
      ok: false,
      field: 'reference',
    });
  });

  it('the log filter sends UTC days and refuses a reversed range', () => {
    expect(buildLogQuery('', '', 1)).toEqual({
      ok: true,
      query: { start_date: undefined, end_date: undefined, page: 1, limit: 20 },
    });
    expect(buildLogQuery('2026-01-01', '2026-01-31', 2)).toMatchObject({
      ok: true,
      query: { start_date: '2026-01-01', end_date: '2026-01-31', page: 2 },
    });
    expect(buildLogQuery('2026-02-01', '2026-01-31', 1)).toEqual({
      ok: false,
      message: 'The start date is after the end date',
    });
    expect(pageCount(0, 20)).toBe(1);
    expect(pageCount(41, 20)).toBe(3);
  });
});
