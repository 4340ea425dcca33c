import { DomainError } from '@mp/contracts';
import { ProviderRequest } from '../provider.types';
import { imageMimeType } from './image-mime-type';

/** The JSON body of `POST /api/v3/images/generations` for one request. */
export function arkRequestBody(request: ProviderRequest): Record<string, unknown> {
  const body: Record<string, unknown> = {
    model: request.model,
    prompt: request.prompt,
    size: `${request.width}x${request.height}`,
    sequential_image_generation: request.sequentialImageGeneration,
    response_format: request.responseFormat,
    // We add our own watermark after any provider, only when the client asked for it.
    watermark: false,
    stream: false,
  };
  if (request.sequentialImageGeneration === 'auto')
    body.sequential_image_generation_options = { max_images: request.maxImages };
  if (request.references.length > 0) {
    const images = request.references.map(dataUrl);
    body.image = images.length === 1 ? images[0] : images;
  }
  if (request.seed !== undefined) body.seed = request.seed;
  if (request.optimizePromptMode) body.optimize_prompt_options = { mode: request.optimizePromptMode };
  return body;
}

function dataUrl(bytes: Buffer, index: number): string {
  const type = imageMimeType(bytes);
  if (!type) throw new DomainError('ValidationFailed', `Reference image ${index + 1} is not an image Ark accepts`);
  return `data:${type};base64,${bytes.toString('base64')}`;
}
