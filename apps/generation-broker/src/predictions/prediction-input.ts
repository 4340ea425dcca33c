import {
  DomainError,
  GenerateImagesRequest,
  ImagePredictionInput,
  imagePredictionInputSchema,
  PredictionModel,
} from '@mp/contracts';
import { PredictionRow } from './prediction.repository';

/** The image input of a prediction, checked; each failure names its `input.` field. */
export function parseImageInput(input: Record<string, unknown>): ImagePredictionInput {
  const parsed = imagePredictionInputSchema.safeParse(input);
  if (parsed.success) return parsed.data;
  const issues = parsed.error.issues.map((i) => ({ field: ['input', ...i.path].join('.'), message: i.message }));
  throw new DomainError('ValidationFailed', issues.map((i) => i.message).join('; '), { issues });
}

/** What the generation core runs for a prediction: one image, its output stored under the job id. */
export function generationRequestOf(
  prediction: Pick<PredictionRow, 'id' | 'team_id' | 'key_id' | 'input' | 'references'>,
  model: PredictionModel,
): GenerateImagesRequest {
  const input = parseImageInput(prediction.input);
  return {
    team_id: prediction.team_id,
    key_id: prediction.key_id,
    request_id: prediction.id,
    model: model.imageModel,
    prompt: input.prompt,
    references: prediction.references,
    size: input.size ?? model.defaultSize,
    watermark: input.watermark ?? false,
    sequential: 'disabled',
    max_images: 1,
    prompt_mode: 'standard',
  };
}
