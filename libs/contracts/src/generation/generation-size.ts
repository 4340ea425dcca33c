import { GenerationModel } from './seedream-models';
import { aspectValue, PixelSize, PRESET_ASPECTS, PRESET_SIZES, PresetAspect, SizePreset } from './seedream-presets';

export type SizeSpec = { kind: 'preset'; preset: SizePreset } | { kind: 'custom'; width: number; height: number };

export type SizeParse = { ok: true; spec: SizeSpec } | { ok: false; message: string };

const PRESET = /^([124])K$/i;
const CUSTOM = /^(\d{1,5})x(\d{1,5})$/i;

/**
 * `size` for one model: one of its presets (case-insensitive, `2k` = `2K`) or `WIDTHxHEIGHT` whose
 * pixel count is inside the model's range and whose aspect ratio is inside [1/16, 16].
 */
export function parseSize(raw: string, model: GenerationModel): SizeParse {
  const text = raw.trim();
  const usage = `Use ${model.presets.join('/')} or WIDTHxHEIGHT`;
  const preset = PRESET.exec(text);
  if (preset) {
    const name = `${preset[1]}K` as SizePreset;
    return model.presets.includes(name)
      ? { ok: true, spec: { kind: 'preset', preset: name } }
      : { ok: false, message: `Invalid size "${raw}". ${model.name} has no ${name} preset. ${usage}` };
  }
  const custom = CUSTOM.exec(text);
  if (!custom) return { ok: false, message: `Invalid size "${raw}". ${usage}` };
  const width = Number(custom[1]);
  const height = Number(custom[2]);
  if (width === 0 || height === 0)
    return { ok: false, message: `Invalid size "${raw}". Width and height must be positive` };
  const pixels = width * height;
  const { min, max } = model.pixelRange;
  if (pixels < min || pixels > max) {
    return {
      ok: false,
      message: `Invalid size "${raw}". Total pixels ${pixels} must be between ${min} and ${max} for ${model.name}`,
    };
  }
  const aspect = width / height;
  if (aspect < model.aspectRange.min || aspect > model.aspectRange.max) {
    return { ok: false, message: `Invalid size "${raw}". Aspect ratio (width / height) must be between 1/16 and 16` };
  }
  return { ok: true, spec: { kind: 'custom', width, height } };
}

const PROMPT_ASPECT = new RegExp(`(?<![\\d:])(${PRESET_ASPECTS.join('|')})(?![\\d:])`);

/** The first aspect ratio of the preset tables a prompt names (`poster portrait 3:4` → `3:4`). */
export function promptAspect(prompt: string): PresetAspect | undefined {
  return PROMPT_ASPECT.exec(prompt)?.[1] as PresetAspect | undefined;
}

/** The table's aspect ratio closest to `ratio` (compared on a log scale, so 2:1 and 1:2 are equally far from 1:1). */
export function nearestPresetAspect(ratio: number): PresetAspect {
  const distance = (a: PresetAspect) => Math.abs(Math.log(aspectValue(a)) - Math.log(ratio));
  return PRESET_ASPECTS.reduce((best, a) => (distance(a) < distance(best) ? a : best));
}

export interface PresetHints {
  prompt?: string;
  /** width / height of the first reference image, once decoded. */
  referenceAspect?: number;
}

/**
 * The output size a preset produces. The seed: "the model decides width×height from the prompt;
 * describe the aspect ratio in the prompt". It is silent on references and on prompts naming none,
 * so: an aspect ratio of the table written in the prompt wins; else the table's ratio nearest the
 * first reference image's; else 1:1. Always a cell of the seed's table.
 */
export function resolvePresetSize(preset: SizePreset, hints: PresetHints = {}): PixelSize {
  const named = hints.prompt === undefined ? undefined : promptAspect(hints.prompt);
  const aspect =
    named ??
    (hints.referenceAspect && Number.isFinite(hints.referenceAspect) && hints.referenceAspect > 0
      ? nearestPresetAspect(hints.referenceAspect)
      : '1:1');
  return { ...PRESET_SIZES[preset][aspect] };
}

/** The output size of any size spec: a custom size is exact, a preset is resolved with the hints. */
export function resolveOutputSize(spec: SizeSpec, hints: PresetHints = {}): PixelSize {
  return spec.kind === 'custom' ? { width: spec.width, height: spec.height } : resolvePresetSize(spec.preset, hints);
}

export function formatPixelSize(size: PixelSize): string {
  return `${size.width}x${size.height}`;
}
