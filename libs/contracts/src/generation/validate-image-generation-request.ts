import { GenerationParameterError, generationErrorFromZod } from './generation-errors.dto';
import { imageGenerationRequestSchema } from './image-generation-request.dto';
import { formatPixelSize, parseSize, resolveOutputSize, SizeSpec } from './generation-size';
import { PixelSize } from './seedream-presets';
import { findGenerationModel, GENERATION_MODEL_NAMES, GenerationModel, PromptMode } from './seedream-models';

export interface GenerationReference {
  /** A public URL or a `data:image/…;base64,` URL, as sent. */
  source: string;
  /** How error messages name it: `image` for a single string, `image[2]` in an array. */
  label: string;
}

/** A request applied to its model: everything the broker needs, with every default filled in. */
export interface NormalisedGenerationRequest {
  model: GenerationModel;
  prompt: string;
  references: GenerationReference[];
  size: SizeSpec;
  /** `size` as the client wrote it (or the seed's default `2048x2048`): the gallery's `image_size`. */
  sizeLabel: string;
  responseFormat: 'url' | 'b64_json';
  watermark: boolean;
  sequential: 'disabled' | 'auto';
  /** How many images to deliver: 1 when disabled; in auto the ceiling the fallback fills up to. */
  maxImages: number;
  promptMode: PromptMode;
}

export type GenerationValidation =
  { ok: true; request: NormalisedGenerationRequest } | { ok: false; error: GenerationParameterError };

const invalid = (message: string): GenerationValidation => ({
  ok: false,
  error: { code: 'InvalidParameter', message },
});

/**
 * The whole of seed 002's request rules. Where the seed is silent:
 * - legacy `n` counts only when `sequential_image_generation` is absent (an explicit mode wins), and
 *   an explicit `sequential_image_generation_options.max_images` wins over `n`;
 * - in `auto` without `max_images` the default 15 shrinks to 15 − references (the seed's example:
 *   3 references → 12), while an explicit `max_images` that does not fit is refused;
 * - `max_images` is range-checked even in `disabled` mode, where it is otherwise ignored.
 */
export function validateImageGenerationRequest(body: unknown): GenerationValidation {
  const parsed = imageGenerationRequestSchema.safeParse(body);
  if (!parsed.success) return { ok: false, error: generationErrorFromZod(parsed.error, body) };
  const b = parsed.data;

  const model = findGenerationModel(b.model);
  if (!model) return invalid(`model must be one of ${GENERATION_MODEL_NAMES.join(', ')}`);

  const sources = b.image === undefined ? [] : Array.isArray(b.image) ? b.image : [b.image];
  const references = sources.map((source, i) => ({ source, label: Array.isArray(b.image) ? `image[${i}]` : 'image' }));
  if (references.length > model.maxReferences) {
    return invalid(`image must hold at most ${model.maxReferences} reference images for ${model.name}`);
  }

  let size: SizeSpec;
  let sizeLabel: string;
  if (b.size === undefined) {
    size = { kind: 'custom', ...model.defaultSize };
    sizeLabel = formatPixelSize(model.defaultSize);
  } else {
    const sizeParse = parseSize(b.size, model);
    if (!sizeParse.ok) return invalid(sizeParse.message);
    size = sizeParse.spec;
    sizeLabel = b.size;
  }

  const promptMode = b.optimize_prompt_options?.mode ?? 'standard';
  if (!model.promptModes.includes(promptMode)) {
    return invalid(
      `optimize_prompt_options.mode "${promptMode}" is not supported by ${model.name} (supported: ${model.promptModes.join(', ')})`,
    );
  }

  const fromN = b.sequential_image_generation === undefined && b.n !== undefined && b.n > 1;
  const sequential = b.sequential_image_generation ?? (fromN ? 'auto' : 'disabled');
  const explicitMax = b.sequential_image_generation_options?.max_images ?? (fromN ? b.n : undefined);
  const budget = model.maxImagesPerRequest - references.length;
  let maxImages = 1;
  if (sequential === 'auto') {
    if (explicitMax === undefined) maxImages = budget;
    else if (explicitMax > budget) {
      const field =
        b.sequential_image_generation_options?.max_images === undefined
          ? 'n'
          : 'sequential_image_generation_options.max_images';
      return invalid(
        `${field} ${explicitMax} plus ${references.length} reference image(s) exceeds ${model.maxImagesPerRequest}: ask for at most ${budget}`,
      );
    } else maxImages = explicitMax;
  }

  return {
    ok: true,
    request: {
      model,
      prompt: b.prompt,
      references,
      size,
      sizeLabel,
      responseFormat: b.response_format,
      watermark: b.watermark,
      sequential,
      maxImages,
      promptMode,
    },
  };
}

/**
 * The size of every image of the request: exact for `WIDTHxHEIGHT`; for a preset the table cell the
 * prompt's aspect ratio names, else the one nearest the first reference's decoded aspect, else 1:1.
 */
export function outputSizeOf(request: NormalisedGenerationRequest, firstReference?: PixelSize): PixelSize {
  return resolveOutputSize(request.size, {
    prompt: request.prompt,
    referenceAspect: firstReference ? firstReference.width / firstReference.height : undefined,
  });
}
