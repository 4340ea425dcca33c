import { z } from 'zod';
import { folderSchema } from './upload-url.dto';
import { uuidField } from '../rpc/scoped-ids';

/** Seed 003 (FastAPI-style media API): presigned PUT uploads, kept by files. */

export const MEDIA_MAX_FILE_SIZE = 52_428_800;

/** The seed's "Validation Rules" table, exactly. */
export const MEDIA_ALLOWED_CONTENT_TYPES = [
  'image/jpeg',
  'image/png',
  'image/webp',
  'image/gif',
  'image/avif',
  'application/zip',
  'application/pdf',
  'video/mp4',
  'audio/mpeg',
] as const;
export type MediaContentType = (typeof MEDIA_ALLOWED_CONTENT_TYPES)[number];

export const presignedUrlRequestSchema = z.object({
  folder: folderSchema,
  filename: z
    .string({ error: 'Field required' })
    .min(1, 'filename must not be empty')
    .max(255, 'filename must be at most 255 bytes')
    .refine((f) => Buffer.byteLength(f, 'utf8') <= 255, 'filename must be at most 255 bytes'),
  content_type: z.enum(MEDIA_ALLOWED_CONTENT_TYPES, {
    error: `content_type must be one of ${MEDIA_ALLOWED_CONTENT_TYPES.join(', ')}`,
  }),
  file_size: z
    .number({ error: 'file_size must be an integer' })
    .int('file_size must be an integer')
    .min(0, 'file_size must be at least 0')
    .max(MEDIA_MAX_FILE_SIZE, `file_size must be at most ${MEDIA_MAX_FILE_SIZE} bytes (50 MB)`)
    .nullish(),
});
export type PresignedUrlRequest = z.infer<typeof presignedUrlRequestSchema>;

/** How the client sends the file to the presigned URL: one PUT, before the URL expires, within the size limit. */
const presignedPutTerms = {
  upload_method: z.literal('PUT'),
  expires_in_seconds: z.number().int(),
  max_file_size: z.number().int(),
};

export const mediaUploadSessionSchema = z.object({
  file_id: z.string(),
  object_key: z.string(),
  upload_url: z.string(),
  ...presignedPutTerms,
});
export type MediaUploadSession = z.infer<typeof mediaUploadSessionSchema>;

export const presignedUrlResponseSchema = z.object({
  upload_url: z.string(),
  file_url: z.string(),
  ...presignedPutTerms,
});
export type PresignedUrlResponse = z.infer<typeof presignedUrlResponseSchema>;

/** `POST /api/v1/uploads/admin/upload-lora` (superuser only): where the LoRA file was stored. */
export const loraUploadResponseSchema = z.object({
  /** `loras/{team_id}/{uuid}_{safe_filename}` */
  object_key: z.string(),
  file_url: z.string(),
  filename: z.string(),
  size: z.number().int(),
  content_type: z.string(),
});
export type LoraUploadResponse = z.infer<typeof loraUploadResponseSchema>;

export const MEDIA_UPLOAD_RPC = {
  uploadCreate: {
    request: presignedUrlRequestSchema.extend({ team_id: uuidField, user_id: uuidField }),
    response: mediaUploadSessionSchema,
  },
} as const;
