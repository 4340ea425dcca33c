import { z } from 'zod';
import { fileDocumentSchema } from '../files/file-document';

export const fileUploadedEventSchema = z.object({ file: fileDocumentSchema });
export type FileUploadedEvent = z.infer<typeof fileUploadedEventSchema>;

/** Metadata of a file changed; `file` is its whole new document (index upserts order by `updated_at`). */
export const fileUpdatedEventSchema = z.object({ file: fileDocumentSchema, updated_fields: z.array(z.string()) });
export type FileUpdatedEvent = z.infer<typeof fileUpdatedEventSchema>;

export const fileRejectedEventSchema = z.object({
  file_id: z.string(),
  team_id: z.string(),
  object_key: z.string(),
  reason: z.string(),
});
export type FileRejectedEvent = z.infer<typeof fileRejectedEventSchema>;

export const fileDeletedEventSchema = z.object({
  file_id: z.string(),
  team_id: z.string(),
  object_key: z.string(),
  size: z.number().int().nonnegative(),
  /** `consumed`: a seed 003 temp upload whose object was ingested as a media resource or purged unused. */
  reason: z.enum(['deleted', 'expired', 'consumed']),
});
export type FileDeletedEvent = z.infer<typeof fileDeletedEventSchema>;
