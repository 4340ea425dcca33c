import { DomainError } from '@mp/contracts';
import { ImageOutcome, ImageProvider, ProviderRequest, ProviderResult } from '../providers';

/** Why one image of a batch is missing, in the shape of `data[i].error`. */
export function imageFailure(err: unknown): ImageOutcome {
  if (err instanceof DomainError && err.details.contentFilter === true) {
    return { error: { code: 'ContentFilter', message: 'Image rejected by content filter' } };
  }
  if (err instanceof DomainError) return { error: { code: err.code, message: err.message.slice(0, 1000) } };
  return { error: { code: 'InternalError', message: 'the image could not be generated' } };
}

/**
 * Seed 002's "Batch & Fallback": one provider call; in `auto` mode, when it returns fewer images
 * than `wanted`, one single-image call per missing image, all in parallel, merged after the first
 * call's images in order. A failed fallback call becomes that image's error; only the first call
 * failing fails the request.
 */
export async function generateBatch(
  provider: ImageProvider,
  request: ProviderRequest,
  wanted: number,
  signal: AbortSignal,
): Promise<{ first: ProviderResult; images: ImageOutcome[] }> {
  const first = await provider.generate(request, signal);
  const images = first.images.slice(0, wanted);
  if (request.sequentialImageGeneration !== 'auto' || images.length >= wanted) return { first, images };
  const missing = Array.from({ length: wanted - images.length }, (_, i) => images.length + i);
  const filled = await Promise.all(
    missing.map((index) =>
      provider
        .generate({ ...request, sequentialImageGeneration: 'disabled', maxImages: 1, seed: index }, signal)
        .then(
          (result): ImageOutcome =>
            result.images[0] ?? { error: { code: 'NoImage', message: 'the provider returned no image' } },
          imageFailure,
        ),
    ),
  );
  return { first, images: [...images, ...filled] };
}
