import { ImageOutcome, ImageProvider, ProviderRequest, ProviderResult } from '../provider.types';
import { renderPatternJpeg } from './local-image.sharp.adapter';
import { imagesNamedInPrompt } from './prompt-image-count';
import { promptPattern } from './prompt-pattern';

/**
 * The embedded provider used when none is configured: deterministic pictures of the prompt (same
 * prompt, size and seed → same bytes), never a real model. In `auto` mode it returns as many images
 * as the prompt names, so callers' fallback for missing images is exercised.
 */
export class LocalImageProvider implements ImageProvider {
  readonly kind = 'local' as const;

  async generate(request: ProviderRequest, signal?: AbortSignal): Promise<ProviderResult> {
    const count =
      request.sequentialImageGeneration === 'auto'
        ? Math.max(1, Math.min(imagesNamedInPrompt(request.prompt), request.maxImages))
        : 1;
    const images: ImageOutcome[] = [];
    for (let index = 0; index < count; index++) {
      signal?.throwIfAborted();
      const pattern = promptPattern(request.prompt, request.seed, index);
      const bytes = await renderPatternJpeg(pattern, request.width, request.height, request.references[0]);
      images.push({ bytes, width: request.width, height: request.height });
    }
    const outputTokens = count * Math.ceil((request.width * request.height) / 256);
    return {
      provider: 'local',
      model: request.model,
      images,
      usage: { generatedImages: count, outputTokens, totalTokens: outputTokens },
    };
  }
}
