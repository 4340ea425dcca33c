import {
  DomainError,
  findImageModel,
  IMAGE_MODELS,
  GenerateImagesRequest,
  GenerationModel,
  parseSize,
  SizeSpec,
} from '@mp/contracts';

/** The seed's 400 for a request the gateway should already have refused (the broker trusts no caller). */
export function parameterInvalid(message: string): DomainError {
  return new DomainError('ValidationFailed', message, { parameter_code: 'InvalidParameter' });
}

export interface CheckedGeneration {
  model: GenerationModel;
  size: SizeSpec;
  /** Images to deliver: 1 when sequential generation is disabled. */
  wanted: number;
}

/** The registry's rules once more, on the normalised request: model, size, prompt mode, image budget. */
export function checkGenerationRequest(request: GenerateImagesRequest): CheckedGeneration {
  const model = findImageModel(request.model);
  if (!model) throw parameterInvalid(`model must be one of ${IMAGE_MODELS.map((m) => m.name).join(', ')}`);
  const size = parseSize(request.size, model);
  if (!size.ok) throw parameterInvalid(size.message);
  if (!model.promptModes.includes(request.prompt_mode)) {
    throw parameterInvalid(`optimize_prompt_options.mode "${request.prompt_mode}" is not supported by ${model.name}`);
  }
  if (request.references.length > model.maxReferences) {
    throw parameterInvalid(`image must hold at most ${model.maxReferences} reference images for ${model.name}`);
  }
  const wanted = request.sequential === 'auto' ? request.max_images : 1;
  if (request.references.length + wanted > model.maxImagesPerRequest) {
    throw parameterInvalid(
      `max_images ${wanted} plus ${request.references.length} reference image(s) exceeds ${model.maxImagesPerRequest}`,
    );
  }
  return { model, size: size.spec, wanted };
}
