import { z } from 'zod';

/** An object-store notification (S3/MinIO/embedded server), one record per event. */
export const storageObjectEventSchema = z.object({
  event_name: z.string(),
  bucket: z.string(),
  key: z.string(),
  size: z.number().int().nonnegative().nullable(),
  etag: z.string().nullable(),
  event_time: z.string(),
});
export type StorageObjectEvent = z.infer<typeof storageObjectEventSchema>;
