import { z } from 'zod';

/** Seed 002's error codes for a request the gateway refuses with 400. */
export const GENERATION_PARAMETER_CODES = ['InvalidParameter', 'MissingParameter'] as const;
export type GenerationParameterCode = (typeof GENERATION_PARAMETER_CODES)[number];

export interface GenerationParameterError {
  code: GenerationParameterCode;
  message: string;
}

/** The seed's top-level error body: `{"error":{"code":…,"message":…}}`. */
export const generationErrorBodySchema = z.object({
  error: z.object({ code: z.string().max(64), message: z.string().max(2000) }),
});
export type GenerationErrorBody = z.infer<typeof generationErrorBodySchema>;

export function generationErrorBody(error: GenerationParameterError): GenerationErrorBody {
  return { error: { code: error.code, message: error.message } };
}

type Path = readonly PropertyKey[];

/** `image[1]`, `sequential_image_generation_options.max_images`. */
export function fieldLabel(path: Path): string {
  return path.reduce<string>(
    (label, key) => (typeof key === 'number' ? `${label}[${key}]` : label ? `${label}.${String(key)}` : String(key)),
    '',
  );
}

function valueAt(input: unknown, path: Path): unknown {
  return path.reduce<unknown>(
    (value, key) =>
      value !== null && typeof value === 'object' ? (value as Record<PropertyKey, unknown>)[key] : undefined,
    input,
  );
}

/**
 * A union reports one issue holding each branch's issues; the branch to explain is the one whose
 * type the value had (an array for `image: [...]`), so its own, precise issue is the one shown.
 */
function unwrapUnion(issue: z.core.$ZodIssue): { issue: z.core.$ZodIssue; path: Path } {
  if (issue.code !== 'invalid_union') return { issue, path: issue.path };
  const matching = issue.errors.find((branch) => !branch.some((i) => i.code === 'invalid_type' && i.path.length === 0));
  if (!matching || matching.length === 0) return { issue, path: issue.path };
  const inner = unwrapUnion(matching[0]);
  return { issue: inner.issue, path: [...issue.path, ...inner.path] };
}

/** The first problem of a failed parse, in the seed's shape, naming the field and the rule. */
export function generationErrorFromZod(error: z.ZodError, input: unknown): GenerationParameterError {
  const { issue, path } = unwrapUnion(error.issues[0]);
  const label = fieldLabel(path);
  if (path.length === 0) return { code: 'InvalidParameter', message: issue.message };
  if (valueAt(input, path) === undefined) return { code: 'MissingParameter', message: `${label} is required` };
  return { code: 'InvalidParameter', message: `${label} ${issue.message}` };
}
