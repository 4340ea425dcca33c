import { z } from 'zod';
import { fileDocumentSchema } from './file-document';

/** One page of the files service's records, in `file_id` order, for rebuilding a search index. */
export const FILE_RECORDS_PAGE_MAX = 1000;
export const fileRecordsPageRequestSchema = z.object({
  after: z.string().min(1).max(1024).optional(),
  limit: z
    .number({ error: `limit must be an integer between 1 and ${FILE_RECORDS_PAGE_MAX}` })
    .int()
    .min(1, `limit must be an integer between 1 and ${FILE_RECORDS_PAGE_MAX}`)
    .max(FILE_RECORDS_PAGE_MAX, `limit must be an integer between 1 and ${FILE_RECORDS_PAGE_MAX}`),
});
export const fileRecordsPageResponseSchema = z.object({
  files: z.array(fileDocumentSchema),
  next: z.string().nullable(),
});
export type FileRecordsPage = z.infer<typeof fileRecordsPageResponseSchema>;
