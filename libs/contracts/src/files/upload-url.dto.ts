import { z } from 'zod';
import { METADATA_MAX_BYTES, uploadMetadataSchema } from './file-metadata.dto';

export const UPLOAD_LIMITS = {
  maxBytes: 50 * 1024 * 1024,
  maxMetadataBytes: METADATA_MAX_BYTES,
  maxFolderBytes: 255,
  maxFilenameBytes: 255,
} as const;

const CONTROL_CHARS = /[\u0000-\u001f\u007f]/;

const byteLength = (s: string) => Buffer.byteLength(s, 'utf8');

export const folderSchema = z
  .string({ error: 'folder must be a string' })
  .min(1, 'folder must not be empty')
  .max(UPLOAD_LIMITS.maxFolderBytes, 'folder must be at most 255 bytes')
  .refine((f) => byteLength(f) <= UPLOAD_LIMITS.maxFolderBytes, 'folder must be at most 255 bytes')
  .refine((f) => !CONTROL_CHARS.test(f), 'folder must not contain control characters')
  .refine((f) => !f.startsWith('/') && !f.startsWith('\\'), 'folder must be relative (no leading slash)')
  .refine((f) => !f.includes('\\'), 'folder must use "/" as separator')
  .refine(
    (f) => f.split('/').every((seg) => seg !== '..' && seg !== '.'),
    'folder must not contain "." or ".." segments',
  )
  .refine((f) => f.split('/').every((seg) => seg.length > 0), 'folder must not contain empty segments');

export const filenameSchema = z
  .string({ error: 'filename must be a string' })
  .min(1, 'filename must not be empty')
  .max(UPLOAD_LIMITS.maxFilenameBytes, 'filename must be at most 255 bytes')
  .refine((f) => byteLength(f) <= UPLOAD_LIMITS.maxFilenameBytes, 'filename must be at most 255 bytes')
  .refine((f) => !CONTROL_CHARS.test(f), 'filename must not contain control characters')
  .refine((f) => !/[/\\]/.test(f), 'filename must not contain path separators')
  .refine((f) => f !== '.' && f !== '..', 'filename must not be "." or ".."');

/** Custom metadata at upload: ≤ 10 KB serialized, well-known keys type-checked, no system fields. */
export const metadataSchema = uploadMetadataSchema;

/** Body of `POST /v1/files/upload-url` (seed 000). */
export const createUploadUrlBodySchema = z.object({
  filename: filenameSchema,
  folder: folderSchema.default('inputs'),
  metadata: metadataSchema.optional(),
});
export type CreateUploadUrlBody = z.infer<typeof createUploadUrlBodySchema>;

export const uploadUrlResponseSchema = z.object({
  upload_url: z.string(),
  upload_fields: z.record(z.string(), z.string()),
  file_url: z.string(),
  object_key: z.string(),
  folder: z.string(),
});
export type UploadUrlResponse = z.infer<typeof uploadUrlResponseSchema>;
