import { z } from 'zod';
import { GENERATION_MODEL_NAMES, PROMPT_MODES } from './seedream-models';

/** Seed 002, "Batasan input": the formats a reference image may have, as written in a data URL. */
export const REFERENCE_FORMATS = ['jpeg', 'png', 'webp', 'bmp', 'tiff', 'gif'] as const;
export type ReferenceFormat = (typeof REFERENCE_FORMATS)[number];

/** 10 MB per reference image, counted in binary megabytes. */
export const MAX_REFERENCE_BYTES = 10 * 1024 * 1024;
export const MAX_REFERENCES = 14;
export const MAX_IMAGES_PER_REQUEST = 15;
export const MAX_PROMPT_CHARACTERS = 10_000;
export const MAX_REFERENCE_URL_CHARS = 2048;
/** A data URL carrying a 10 MB image: base64 of 10 MB plus the `data:image/<format>;base64,` prefix. */
export const MAX_REFERENCE_DATA_URL_CHARS = 14_000_000;

const DATA_URL = /^data:image\/([^;,]{0,32});base64,/i;
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;
const REFERENCE_HINT = 'must be a public http(s) URL or a data:image/<format>;base64,… URL';

/** The bytes a base64 payload decodes to, without decoding it. */
export function base64DecodedBytes(payload: string): number {
  const padding = payload.endsWith('==') ? 2 : payload.endsWith('=') ? 1 : 0;
  return Math.floor((payload.length * 3) / 4) - padding;
}

function referenceProblem(value: string): string | undefined {
  const data = DATA_URL.exec(value);
  if (data) {
    const format = data[1];
    if (format !== format.toLowerCase() && REFERENCE_FORMATS.includes(format.toLowerCase() as ReferenceFormat)) {
      return `must write its format in lowercase: data:image/${format.toLowerCase()};base64,…`;
    }
    if (!value.startsWith('data:image/') || !REFERENCE_FORMATS.includes(format as ReferenceFormat)) {
      return `has format "${format}"; use one of ${REFERENCE_FORMATS.join(', ')} (data:image/<format>;base64,…)`;
    }
    const payload = value.slice(data[0].length);
    if (payload.length === 0) return 'has no image data after base64,';
    if (payload.length % 4 === 1 || !BASE64.test(payload)) return 'does not carry valid base64 data';
    const bytes = base64DecodedBytes(payload);
    if (bytes > MAX_REFERENCE_BYTES)
      return `is ${bytes} bytes once decoded; at most 10 MB (${MAX_REFERENCE_BYTES} bytes)`;
    return undefined;
  }
  if (/^data:/i.test(value)) return REFERENCE_HINT;
  if (value.length > MAX_REFERENCE_URL_CHARS) return `must be a URL of at most ${MAX_REFERENCE_URL_CHARS} characters`;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return REFERENCE_HINT;
  }
  if ((url.protocol !== 'http:' && url.protocol !== 'https:') || url.hostname === '') return REFERENCE_HINT;
  return undefined;
}

const referenceImage = z
  .string({ error: 'must be a string' })
  .max(MAX_REFERENCE_DATA_URL_CHARS, `must be at most ${MAX_REFERENCE_DATA_URL_CHARS} characters`)
  .superRefine((value, ctx) => {
    const problem = referenceProblem(value);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });

const imageCount = `must be a string or an array of 1 to ${MAX_REFERENCES} strings`;
const maxImages = z
  .number({ error: `must be an integer from 1 to ${MAX_IMAGES_PER_REQUEST}` })
  .int(`must be an integer from 1 to ${MAX_IMAGES_PER_REQUEST}`)
  .min(1, `must be an integer from 1 to ${MAX_IMAGES_PER_REQUEST}`)
  .max(MAX_IMAGES_PER_REQUEST, `must be an integer from 1 to ${MAX_IMAGES_PER_REQUEST}`);

/**
 * The body of `POST /v1/images/generations` (seed 002), checked field by field. Rules that depend
 * on the model (size, prompt mode, references + outputs) are applied by `validateImageGenerationRequest`.
 * Unknown fields (`user`, `quality` from OpenAI clients) are dropped.
 */
export const imageGenerationRequestSchema = z.object(
  {
    model: z.string({ error: 'must be a string' }).max(64, `must be one of ${GENERATION_MODEL_NAMES.join(', ')}`),
    prompt: z
      .string({ error: 'must be a string' })
      .max(MAX_PROMPT_CHARACTERS * 2, `must be at most ${MAX_PROMPT_CHARACTERS} characters`)
      .refine((p) => p.trim().length > 0, 'must not be empty')
      .refine((p) => [...p].length <= MAX_PROMPT_CHARACTERS, `must be at most ${MAX_PROMPT_CHARACTERS} characters`),
    image: z
      .union([referenceImage, z.array(referenceImage).min(1, imageCount).max(MAX_REFERENCES, imageCount)], {
        error: imageCount,
      })
      .optional(),
    size: z
      .string({ error: 'must be a string: 2K/4K or WIDTHxHEIGHT' })
      .max(32, 'must be at most 32 characters')
      .optional(),
    response_format: z.enum(['url', 'b64_json'], { error: 'must be url or b64_json' }).default('url'),
    watermark: z.boolean({ error: 'must be true or false' }).default(true),
    sequential_image_generation: z.enum(['disabled', 'auto'], { error: 'must be disabled or auto' }).optional(),
    sequential_image_generation_options: z
      .object({ max_images: maxImages.optional() }, { error: 'must be an object' })
      .optional(),
    optimize_prompt_options: z
      .object(
        { mode: z.enum(PROMPT_MODES, { error: `must be ${PROMPT_MODES.join(' or ')}` }).default('standard') },
        { error: 'must be an object' },
      )
      .optional(),
    n: maxImages.optional(),
  },
  { error: 'The request body must be a JSON object' },
);

export type ImageGenerationRequestBody = z.input<typeof imageGenerationRequestSchema>;
export type ParsedImageGenerationRequest = z.output<typeof imageGenerationRequestSchema>;
