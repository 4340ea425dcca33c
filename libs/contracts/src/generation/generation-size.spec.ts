import { nearestPresetAspect, promptAspect, resolveOutputSize, resolvePresetSize } from './generation-size';
import { GENERATION_MODELS, findGenerationModel } from './seedream-models';
import { PRESET_SIZES } from './seedream-presets';

/** Seed 002's tables, transcribed as text so a typo in the data cannot hide behind the same typo here. */
const SEED_TABLE = `
1K 1024x1024 1152x864 864x1152 1312x736 736x1312 1248x832 832x1248 1568x672
2K 2048x2048 2304x1728 1728x2304 2848x1600 1600x2848 2496x1664 1664x2496 3136x1344
4K 4096x4096 4704x3520 3520x4704 5504x3040 3040x5504 4992x3328 3328x4992 6240x2656
`;
const ASPECTS = ['1:1', '4:3', '3:4', '16:9', '9:16', '3:2', '2:3', '21:9'] as const;
const rows = SEED_TABLE.trim()
  .split('\n')
  .map((line) => line.split(' '))
  .flatMap(([preset, ...cells]) => cells.map((cell, i) => [preset, ASPECTS[i], cell] as const));

describe('preset tables', () => {
  it.each(rows)('%s %s is %s', (preset, aspect, cell) => {
    const { width, height } = PRESET_SIZES[preset as '1K'][aspect];
    expect(`${width}x${height}`).toBe(cell);
  });

  it('each model offers exactly the seed’s presets', () => {
    expect(findGenerationModel('seedream-4.5')?.presets).toEqual(['2K', '4K']);
    expect(findGenerationModel('seedream-4.0')?.presets).toEqual(['1K', '2K', '4K']);
  });

  it('every cell a model may produce lies inside the aspect range (the 1K cells sit below 4.5’s pixel range, which has no 1K)', () => {
    for (const model of GENERATION_MODELS)
      for (const preset of model.presets)
        for (const { width, height } of Object.values(PRESET_SIZES[preset])) {
          expect(width / height).toBeGreaterThanOrEqual(model.aspectRange.min);
          expect(width / height).toBeLessThanOrEqual(model.aspectRange.max);
        }
  });
});

describe('model registry', () => {
  it('holds the seed’s feature table', () => {
    expect(GENERATION_MODELS.map((m) => [m.name, m.providerId, m.pixelRange, m.promptModes])).toEqual([
      ['seedream-4.5', 'seedream-4-5-251128', { min: 3_686_400, max: 16_777_216 }, ['standard']],
      ['seedream-4.0', 'seedream-4-0-250828', { min: 921_600, max: 16_777_216 }, ['standard', 'fast']],
    ]);
    for (const m of GENERATION_MODELS) {
      expect(m).toMatchObject({
        aspectRange: { min: 1 / 16, max: 16 },
        outputFormat: 'jpeg',
        maxReferences: 14,
        maxImagesPerRequest: 15,
        imagesPerMinute: 500,
      });
    }
  });
  it('finds a model by name or provider id, and nothing else', () => {
    expect(findGenerationModel('seedream-4-0-250828')?.name).toBe('seedream-4.0');
    expect(findGenerationModel('seedream-5')).toBeUndefined();
  });
});

describe('resolvePresetSize', () => {
  it('1:1 when neither the prompt nor a reference says otherwise', () => {
    expect(resolvePresetSize('2K')).toEqual({ width: 2048, height: 2048 });
    expect(resolvePresetSize('4K', { prompt: 'a cat' })).toEqual({ width: 4096, height: 4096 });
  });
  it('an aspect ratio of the table written in the prompt', () => {
    expect(resolvePresetSize('2K', { prompt: 'poster portrait 3:4' })).toEqual({ width: 1728, height: 2304 });
    expect(resolvePresetSize('1K', { prompt: 'cinematic 21:9 shot' })).toEqual({ width: 1568, height: 672 });
    expect(resolvePresetSize('4K', { prompt: 'wide 16:9, then 1:1' })).toEqual({ width: 5504, height: 3040 });
  });
  it('ignores ratios that are not in the table or are part of another number', () => {
    expect(promptAspect('a 5:4 print')).toBeUndefined();
    expect(promptAspect('at 12:34:56 or 116:9')).toBeUndefined();
  });
  it('the prompt’s ratio wins over the reference’s', () => {
    expect(resolvePresetSize('2K', { prompt: 'landscape 16:9', referenceAspect: 0.5 })).toEqual({
      width: 2848,
      height: 1600,
    });
  });
  it('else the table ratio nearest the reference image’s aspect', () => {
    expect(resolvePresetSize('2K', { referenceAspect: 1760 / 2368 })).toEqual({ width: 1728, height: 2304 });
    expect(resolvePresetSize('2K', { referenceAspect: 1920 / 1080 })).toEqual({ width: 2848, height: 1600 });
    expect(resolvePresetSize('2K', { referenceAspect: 16 })).toEqual({ width: 3136, height: 1344 });
    expect(resolvePresetSize('2K', { referenceAspect: 1 / 16 })).toEqual({ width: 1600, height: 2848 });
    expect(nearestPresetAspect(1.05)).toBe('1:1');
    expect(resolvePresetSize('2K', { referenceAspect: Number.NaN })).toEqual({ width: 2048, height: 2048 });
  });
  it('a custom size is produced exactly', () => {
    expect(resolveOutputSize({ kind: 'custom', width: 3000, height: 1500 }, { prompt: '1:1' })).toEqual({
      width: 3000,
      height: 1500,
    });
    expect(resolveOutputSize({ kind: 'preset', preset: '4K' }, { prompt: '2:3' })).toEqual({
      width: 3328,
      height: 4992,
    });
  });
});
