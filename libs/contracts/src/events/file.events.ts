import { z } from 'zod';
import { fileDocumentSchema } from '../dto/file-document';

export const fileUploadedEventSchema = z.object({ file: fileDocumentSchema });
export type FileUploadedEvent = z.infer<typeof fileUploadedEventSchema>;

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
  reason: z.enum(['deleted', 'expired']),
});
export type FileDeletedEvent = z.infer<typeof fileDeletedEventSchema>;
