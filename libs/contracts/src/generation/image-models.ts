import { findGenerationModel, GENERATION_MODELS, GenerationModel } from './seedream-models';

/**
 * FLUX Kontext (seed 000's `flux-kontext-pro` predictions): an image-to-image model served by an
 * image provider like the seedream models. Only the predictions API offers it; seed 002's
 * `/v1/images/generations` keeps to its two seedream models.
 */
export const FLUX_KONTEXT_PRO: GenerationModel = {
  name: 'flux-kontext-pro',
  providerId: 'flux-kontext-pro',
  presets: ['1K', '2K'],
  pixelRange: { min: 512 * 512, max: 2048 * 2048 },
  aspectRange: { min: 1 / 16, max: 16 },
  promptModes: ['standard'],
  outputFormat: 'jpeg',
  maxReferences: 1,
  maxImagesPerRequest: 2,
  imagesPerMinute: 500,
  defaultSize: { width: 1024, height: 1024 },
};

/** Every image model a provider may serve: seed 002's and the predictions-only ones. */
export const IMAGE_MODELS: readonly GenerationModel[] = [...GENERATION_MODELS, FLUX_KONTEXT_PRO];

/** The image model a request names (name or provider id), whichever API it came through. */
export function findImageModel(name: string): GenerationModel | undefined {
  return findGenerationModel(name) ?? IMAGE_MODELS.find((m) => m.name === name || m.providerId === name);
}
