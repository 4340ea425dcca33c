import { z } from 'zod';

/** Response bodies of the S3 storage proxy (seed 002, `/s3/...`). */

export const s3UploadResultSchema = z.object({
  success: z.literal(true),
  /** The key the file is stored under (the `key` field, else the uploaded file's name). */
  key: z.string(),
  size: z.number().int(),
  content_type: z.string(),
  etag: z.string(),
  /** Whether an object already stored under this key was replaced. */
  replaced: z.boolean(),
});
export type S3UploadResult = z.infer<typeof s3UploadResultSchema>;

export const s3ListQuerySchema = z.object({
  prefix: z.string().optional(),
  limit: z.string().optional(),
  cursor: z.string().optional(),
});

export const s3FileEntrySchema = z.object({
  key: z.string(),
  size: z.number().int(),
  last_modified: z.string(),
  etag: z.string(),
});
export type S3FileEntry = z.infer<typeof s3FileEntrySchema>;

export const s3FileListSchema = z.object({
  files: z.array(s3FileEntrySchema),
  prefix: z.string(),
  /** Pass as `cursor` to read the next page; null on the last page. */
  next_cursor: z.string().nullable(),
  has_more: z.boolean(),
});
export type S3FileList = z.infer<typeof s3FileListSchema>;

export const s3DeleteResultSchema = z.object({
  success: z.literal(true),
  key: z.string(),
  /** Bytes given back to the key's storage quota. */
  freed_bytes: z.number().int(),
});
export type S3DeleteResult = z.infer<typeof s3DeleteResultSchema>;
