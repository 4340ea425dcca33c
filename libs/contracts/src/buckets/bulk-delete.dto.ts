import { z } from 'zod';
import { containerNameSchema, objectNameSchema } from './bucket-names';

/** Items per RPC call: a batch must stay far below NATS's 1 MB payload. */
export const BULK_DELETE_BATCH = 200;
/** Swift's `max_deletes_per_request`. */
export const MAX_BULK_DELETES = 10_000;

export const bulkDeleteRequestSchema = z.object({
  team_id: z.uuid(),
  items: z
    .array(z.object({ container: containerNameSchema, object: objectNameSchema.optional() }))
    .min(1)
    .max(BULK_DELETE_BATCH),
});

export const bulkDeleteResultSchema = z.object({
  deleted: z.number().int(),
  not_found: z.number().int(),
  /** `[path, "409 Conflict"]`, as Swift's result document lists them. */
  errors: z.array(z.tuple([z.string(), z.string()])),
});
export type BulkDeleteResult = z.infer<typeof bulkDeleteResultSchema>;
