/** What seed 002 documents of each model, enough to check a size before sending it. */
export interface ModelRules {
  name: string;
  presets: readonly string[];
  pixels: { min: number; max: number };
}

export const MODELS: readonly ModelRules[] = [
  { name: 'seedream-4.5', presets: ['2K', '4K'], pixels: { min: 3_686_400, max: 16_777_216 } },
  { name: 'seedream-4.0', presets: ['1K', '2K', '4K'], pixels: { min: 921_600, max: 16_777_216 } },
];
export const ASPECT = { min: 1 / 16, max: 16 };
export const MAX_IMAGES = 15;
export const MAX_REFERENCE_BYTES = 10 * 1024 * 1024;

export function modelRules(name: string): ModelRules | undefined {
  return MODELS.find((m) => m.name === name);
}
