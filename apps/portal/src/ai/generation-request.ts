import { MAX_IMAGES, modelRules } from './models';
import { sizeProblem } from './size-rule';

export interface GenerateForm {
  model: string;
  prompt: string;
  size: string;
  watermark: boolean;
  images: number;
  /** A `data:image/<format>;base64,…` URL of the chosen reference, if any. */
  reference?: string;
}

export type Built =
  { ok: true; body: Record<string, unknown> } | { ok: false; field: keyof GenerateForm; message: string };

/** The `POST /v1/images/generations` body of the form, or the first field the API would refuse. */
export function buildGenerationBody(form: GenerateForm): Built {
  const model = modelRules(form.model);
  if (!model) return { ok: false, field: 'model', message: 'Choose a model' };
  if (!form.prompt.trim()) return { ok: false, field: 'prompt', message: 'Write a prompt' };
  const size = sizeProblem(form.size, model);
  if (size) return { ok: false, field: 'size', message: size };
  if (!Number.isInteger(form.images) || form.images < 1 || form.images > MAX_IMAGES) {
    return { ok: false, field: 'images', message: `The number of images must be 1 to ${MAX_IMAGES}` };
  }
  if (form.reference !== undefined && !/^data:image\/[a-z]+;base64,/.test(form.reference)) {
    return {
      ok: false,
      field: 'reference',
      message: 'The reference must be an image (JPEG, PNG, WEBP, BMP, TIFF, GIF)',
    };
  }
  const body: Record<string, unknown> = {
    model: model.name,
    prompt: form.prompt.trim(),
    size: form.size.trim(),
    response_format: 'url',
    watermark: form.watermark,
  };
  if (form.images > 1) {
    body.sequential_image_generation = 'auto';
    body.sequential_image_generation_options = { max_images: form.images };
  }
  if (form.reference) body.image = form.reference;
  return { ok: true, body };
}
