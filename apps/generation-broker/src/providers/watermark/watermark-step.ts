import { ImageOutcome, isFailedImage } from '../provider.types';
import { applyWatermark } from './watermark.sharp.adapter';

/** Our watermark on every successful image of a provider's answer, when the client asked for it. */
export function watermarkOutcomes(images: readonly ImageOutcome[], watermark: boolean): Promise<ImageOutcome[]> {
  if (!watermark) return Promise.resolve([...images]);
  return Promise.all(images.map((image) => (isFailedImage(image) ? image : applyWatermark(image))));
}
