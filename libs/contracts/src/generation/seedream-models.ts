import { PixelSize, SizePreset } from './seedream-presets';

export const PROMPT_MODES = ['standard', 'fast'] as const;
export type PromptMode = (typeof PROMPT_MODES)[number];

/**
 * What the seed's feature table says about one model. Data in contracts, not in the broker: the
 * gateway refuses a bad `size` or prompt mode with the seed's 400 before any RPC, and the broker
 * re-validates with the same entries; neither holds a model if-chain.
 */
export interface GenerationModel {
  /** The name clients send (`seedream-4.5`). */
  name: string;
  /** The provider's id, returned as the response's `model`. */
  providerId: string;
  presets: readonly SizePreset[];
  /** Inclusive bounds of width × height for a custom `WIDTHxHEIGHT` size. */
  pixelRange: { min: number; max: number };
  /** Inclusive bounds of width / height. */
  aspectRange: { min: number; max: number };
  promptModes: readonly PromptMode[];
  outputFormat: 'jpeg';
  maxReferences: number;
  /** References plus generated images in one request. */
  maxImagesPerRequest: number;
  imagesPerMinute: number;
  /** The seed's default `size`. */
  defaultSize: PixelSize;
}

const COMMON = {
  aspectRange: { min: 1 / 16, max: 16 },
  outputFormat: 'jpeg',
  maxReferences: 14,
  maxImagesPerRequest: 15,
  imagesPerMinute: 500,
  defaultSize: { width: 2048, height: 2048 },
} as const;

export const GENERATION_MODELS: readonly GenerationModel[] = [
  {
    ...COMMON,
    name: 'seedream-4.5',
    providerId: 'seedream-4-5-251128',
    presets: ['2K', '4K'],
    pixelRange: { min: 2560 * 1440, max: 4096 * 4096 },
    promptModes: ['standard'],
  },
  {
    ...COMMON,
    name: 'seedream-4.0',
    providerId: 'seedream-4-0-250828',
    presets: ['1K', '2K', '4K'],
    pixelRange: { min: 1280 * 720, max: 4096 * 4096 },
    promptModes: ['standard', 'fast'],
  },
];

export const GENERATION_MODEL_NAMES = GENERATION_MODELS.map((m) => m.name);

/**
 * The model a request names. The provider id is accepted too (the seed's own responses carry it
 * in `model`, so clients echo it back); the seed is silent on that, accepting it costs nothing.
 */
export function findGenerationModel(name: string): GenerationModel | undefined {
  return GENERATION_MODELS.find((m) => m.name === name || m.providerId === name);
}
