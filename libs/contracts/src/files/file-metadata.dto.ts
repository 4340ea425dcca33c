import { z } from 'zod';

/** Serialized size limit of a file's custom metadata (seed 000: "최대 10KB"), at upload and after every update. */
export const METADATA_MAX_BYTES = 10 * 1024;

/**
 * Indexed fields the platform owns. A client can never set them through metadata; `source` may be
 * given at upload only as `"upload"` (the seed's full example sends it), `prediction` is reserved
 * for generated outputs.
 */
export const SYSTEM_FIELDS = [
  'file_id',
  'object_key',
  'filename',
  'team_id',
  'user_id',
  'created_at',
  'updated_at',
  'expires_at',
  'source',
  'upload_ip',
  'content_type',
  'size',
  'extension',
  'folder',
  'checksum',
] as const;
export type SystemField = (typeof SYSTEM_FIELDS)[number];

export type WellKnownKind =
  'string' | 'string[]' | 'boolean' | 'integer' | 'count' | 'number' | 'non-negative number' | 'days';

/** Metadata keys that populate indexed fields, with the type their value must have (null = unset). */
export const WELL_KNOWN_METADATA: Readonly<Record<string, WellKnownKind>> = {
  source_job_id: 'string',
  source_model: 'string',
  category: 'string',
  subcategory: 'string',
  tags: 'string[]',
  labels: 'string[]',
  project: 'string',
  environment: 'string',
  status: 'string',
  visibility: 'string',
  is_processed: 'boolean',
  is_archived: 'boolean',
  width: 'count',
  height: 'count',
  duration: 'non-negative number',
  frame_count: 'count',
  sample_rate: 'count',
  bit_depth: 'count',
  prompt: 'string',
  negative_prompt: 'string',
  seed: 'integer',
  steps: 'count',
  cfg_scale: 'number',
  model_version: 'string',
  retention_days: 'days',
  legal_hold: 'boolean',
  classification_level: 'string',
};

const EXPECTED: Record<WellKnownKind, string> = {
  string: 'must be a string',
  'string[]': 'must be an array of strings',
  boolean: 'must be true or false',
  integer: 'must be an integer',
  count: 'must be an integer >= 0',
  number: 'must be a number',
  'non-negative number': 'must be a number >= 0',
  days: 'must be a whole number of days >= 1',
};

function hasKind(value: unknown, kind: WellKnownKind): boolean {
  switch (kind) {
    case 'string':
      return typeof value === 'string';
    case 'string[]':
      return Array.isArray(value) && value.every((v) => typeof v === 'string');
    case 'boolean':
      return typeof value === 'boolean';
    case 'integer':
      return Number.isSafeInteger(value);
    case 'count':
      return Number.isSafeInteger(value) && (value as number) >= 0;
    case 'number':
      return typeof value === 'number' && Number.isFinite(value);
    case 'non-negative number':
      return typeof value === 'number' && Number.isFinite(value) && value >= 0;
    case 'days':
      return Number.isSafeInteger(value) && (value as number) >= 1;
  }
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Longest custom metadata key, in UTF-16 code units (as JavaScript and JSON count them). */
export const METADATA_KEY_MAX_LENGTH = 256;

/**
 * Why a string cannot be a custom metadata key, or undefined when it can: 1–256 characters, no
 * control characters (C0, DEL, C1), no lone surrogates (Postgres jsonb refuses them).
 */
export function metadataKeyProblem(key: string): string | undefined {
  if (key.length === 0 || key.length > METADATA_KEY_MAX_LENGTH)
    return `must be 1 to ${METADATA_KEY_MAX_LENGTH} characters long`;
  if (/[\u0000-\u001f\u007f-\u009f]/.test(key)) return 'must not contain control characters';
  if (LONE_SURROGATE.test(key)) return 'must not contain unpaired surrogates';
  return undefined;
}

export interface MetadataIssue {
  key: string;
  message: string;
}

/**
 * What is wrong with metadata a client sends, one issue per key: system fields it tries to set,
 * well-known keys of the wrong type. `purpose` is `upload` (`source: "upload"` allowed) or `update`.
 */
export function metadataIssues(metadata: Record<string, unknown>, purpose: 'upload' | 'update'): MetadataIssue[] {
  const issues: MetadataIssue[] = [];
  for (const [key, value] of Object.entries(metadata)) {
    if ((SYSTEM_FIELDS as readonly string[]).includes(key)) {
      if (purpose === 'upload' && key === 'source' && value === 'upload') continue;
      const message =
        purpose === 'upload' && key === 'source'
          ? 'must be "upload" for uploads ("prediction" is reserved for generated outputs)'
          : 'is a system field and cannot be set';
      issues.push({ key, message });
      continue;
    }
    const kind = WELL_KNOWN_METADATA[key];
    if (kind && value !== null && !hasKind(value, kind)) issues.push({ key, message: EXPECTED[kind] });
  }
  return issues;
}

export function metadataBytes(metadata: Record<string, unknown>): number {
  return Buffer.byteLength(JSON.stringify(metadata), 'utf8');
}

const metadataObjectSchema = z
  .record(z.string().max(256, 'metadata keys must be at most 256 characters'), z.unknown(), {
    error: 'metadata must be a JSON object',
  })
  .refine((m) => metadataBytes(m) <= METADATA_MAX_BYTES, 'metadata must be at most 10 KB when serialized');

const withIssues = (purpose: 'upload' | 'update') => (metadata: Record<string, unknown>, ctx: z.RefinementCtx) => {
  for (const issue of metadataIssues(metadata, purpose))
    ctx.addIssue({ code: 'custom', path: [issue.key], message: issue.message });
};

/** `metadata` of `POST /v1/files/upload-url`. */
export const uploadMetadataSchema = metadataObjectSchema.superRefine(withIssues('upload'));

/** `metadata` of `PATCH /v1/files/storage/file/metadata`: merged into the stored one; `null` removes a key. */
export const updateMetadataSchema = metadataObjectSchema
  .refine((m) => Object.keys(m).length > 0, 'metadata must contain at least one field to update')
  .superRefine(withIssues('update'));

const objectKeySchema = z
  .string({ error: 'object_key is required (a string)' })
  .min(1, 'object_key must not be empty')
  .max(1024, 'object_key must be at most 1024 characters');

/** Body of `PATCH /v1/files/storage/file/metadata` (seed 000). */
export const updateFileMetadataBodySchema = z.object({
  object_key: objectKeySchema,
  metadata: updateMetadataSchema,
});
export type UpdateFileMetadataBody = z.infer<typeof updateFileMetadataBodySchema>;

export const updateFileMetadataResultSchema = z.object({
  success: z.literal(true),
  object_key: z.string(),
  updated_fields: z.array(z.string()),
  updated_at: z.string(),
});
export type UpdateFileMetadataResult = z.infer<typeof updateFileMetadataResultSchema>;

/** Query of `DELETE /v1/files/storage/file?object_key=…` (seed 000). */
export const deleteFileQuerySchema = z.object({ object_key: objectKeySchema });
export type DeleteFileQuery = z.infer<typeof deleteFileQuerySchema>;

export const deleteFileResultSchema = z.object({
  success: z.literal(true),
  deleted_object_key: z.string(),
  deleted_at: z.string(),
});
export type DeleteFileResult = z.infer<typeof deleteFileResultSchema>;
