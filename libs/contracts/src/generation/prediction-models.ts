import { SizePreset } from './seedream-presets';

/** What a predictions model runs on: an image model of the provider registry, at this size unless `input.size` says otherwise. */
export interface PredictionModel {
  /** The name clients send in `model`. */
  name: string;
  /** The image model (`IMAGE_MODELS`) whose provider the registry picks. */
  imageModel: string;
  defaultSize: SizePreset;
}

/**
 * Seed 000's prediction models this platform can run. Data, not an if-chain: a model missing here
 * (`kling-1.6-pro`, `fish-speech-1.5`, …) or without a configured provider is refused at submission
 * with `ModelNotAvailable`.
 */
export const PREDICTION_MODELS: readonly PredictionModel[] = [
  { name: 'flux-kontext-pro', imageModel: 'flux-kontext-pro', defaultSize: '1K' },
  { name: 'seedream-4.5', imageModel: 'seedream-4.5', defaultSize: '2K' },
  { name: 'seedream-4.0', imageModel: 'seedream-4.0', defaultSize: '2K' },
];

export function findPredictionModel(name: string): PredictionModel | undefined {
  return PREDICTION_MODELS.find((m) => m.name === name);
}
