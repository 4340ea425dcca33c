import { ASPECT, ModelRules } from './models';

/**
 * Null when `size` is a preset of the model or WIDTHxHEIGHT inside its pixel range and aspect
 * [1/16, 16] (the API's rules), else the reason in the API's words.
 */
export function sizeProblem(raw: string, model: ModelRules): string | null {
  const text = raw.trim();
  const usage = `Use ${model.presets.join('/')} or WIDTHxHEIGHT`;
  const preset = /^([124])K$/i.exec(text);
  if (preset) {
    return model.presets.includes(`${preset[1]}K`) ? null : `${model.name} has no ${preset[1]}K preset. ${usage}`;
  }
  const custom = /^(\d{1,5})x(\d{1,5})$/i.exec(text);
  if (!custom) return `Invalid size "${raw}". ${usage}`;
  const width = Number(custom[1]);
  const height = Number(custom[2]);
  if (width === 0 || height === 0) return 'Width and height must be positive';
  const pixels = width * height;
  if (pixels < model.pixels.min || pixels > model.pixels.max) {
    return `Total pixels ${pixels} must be between ${model.pixels.min} and ${model.pixels.max} for ${model.name}`;
  }
  const aspect = width / height;
  if (aspect < ASPECT.min || aspect > ASPECT.max) return 'The aspect ratio must be between 1/16 and 16';
  return null;
}
