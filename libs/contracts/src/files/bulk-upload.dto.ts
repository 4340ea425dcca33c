import { z } from 'zod';
import { uuidField } from '../rpc/scoped-ids';

/** Products and bulk upload (seed 003 `/api/v1/products/bulk-upload/`), kept by files. */

export const BULK_UPLOAD_STATUSES = ['PENDING', 'PROCESSING', 'COMPLETED', 'FAILED'] as const;
export type BulkUploadStatus = (typeof BULK_UPLOAD_STATUSES)[number];

/** Per-SKU progress: PENDING → PROCESSING → COMPLETED | FAILED, or SKIPPED (skip_existing_skus). */
export const SKU_RESULT_STATUSES = ['PENDING', 'PROCESSING', 'COMPLETED', 'FAILED', 'SKIPPED'] as const;
export type SkuResultStatus = (typeof SKU_RESULT_STATUSES)[number];

export const skuResultSchema = z
  .object({
    status: z.enum(SKU_RESULT_STATUSES),
    row: z.number().int().optional(),
    product_id: z.string().optional(),
    cover_image_url: z.string().optional(),
    image_urls: z.array(z.string()).optional(),
    error: z.string().optional(),
  })
  .catchall(z.unknown());
export type SkuResult = z.infer<typeof skuResultSchema>;

export const bulkUploadTaskSchema = z.object({
  owner_id: z.string(),
  id: z.string(),
  created_at: z.string(),
  updated_at: z.string(),
  filename: z.string(),
  status: z.enum(BULK_UPLOAD_STATUSES),
  file_url: z.string().nullable(),
  total_products: z.number().int(),
  processed_products: z.number().int(),
  successful_products: z.number().int(),
  failed_products: z.number().int(),
  skipped_products: z.number().int(),
  results: z.record(z.string(), skuResultSchema),
  error_message: z.string().nullable(),
  shooting_id: z.string().nullable(),
  completed_at: z.string().nullable(),
});
export type BulkUploadTask = z.infer<typeof bulkUploadTaskSchema>;

/** `GET /api/v1/products/bulk-upload/{task_id}/errors`: the task's failed rows, and why the whole task failed if it did. */
export const bulkUploadErrorsSchema = z.object({
  task_id: z.string(),
  status: z.enum(BULK_UPLOAD_STATUSES),
  /** Why the archive itself was refused (zip-slip, zip bomb, no CSV, …); null unless the task FAILED. */
  error_message: z.string().nullable(),
  failed_products: z.number().int(),
  /** One entry per FAILED row, in CSV order; `sku` is the row's key in `results` (`SKU#rowN` for an empty or repeated SKU). */
  errors: z.array(z.object({ sku: z.string(), row: z.number().int().nullable(), error: z.string() })),
});
export type BulkUploadErrors = z.infer<typeof bulkUploadErrorsSchema>;

/** Limits of the uploaded archive as the gateway streams it to the store. */
export const BULK_UPLOAD_LIMITS = { maxZipBytes: 1024 * 1024 * 1024, maxFilenameBytes: 255 } as const;

const booleanParam = (name: string, fallback: boolean) =>
  z
    .union([z.boolean(), z.enum(['true', 'false', '1', '0'], { error: `${name} must be true or false` })])
    .optional()
    .transform((v) => (v === undefined ? fallback : v === true || v === 'true' || v === '1'));

/** Query of `POST /api/v1/products/bulk-upload/`. */
export const createBulkUploadQuerySchema = z.object({
  caption_products: booleanParam('caption_products', true),
  skip_existing_skus: booleanParam('skip_existing_skus', false),
  shooting_id: uuidField.optional(),
});

/** Query of `GET /api/v1/products/bulk-upload/`. */
export const listBulkUploadsQuerySchema = z.object({
  status: z
    .enum(BULK_UPLOAD_STATUSES, { error: `status must be one of ${BULK_UPLOAD_STATUSES.join(', ')}` })
    .optional(),
  skip: z.coerce
    .number({ error: 'skip must be an integer' })
    .int('skip must be an integer')
    .min(0, 'skip must be >= 0')
    .default(0),
  limit: z.coerce
    .number({ error: 'limit must be an integer' })
    .int('limit must be an integer')
    .min(1, 'limit must be >= 1')
    .max(1000, 'limit must be <= 1000')
    .default(100),
});

export const BULK_UPLOAD_RPC = {
  create: {
    request: z.object({
      team_id: uuidField,
      owner_id: uuidField,
      task_id: uuidField,
      filename: z.string().min(1).max(BULK_UPLOAD_LIMITS.maxFilenameBytes),
      object_key: z.string().min(1).max(1024),
      caption_products: z.boolean(),
      skip_existing_skus: z.boolean(),
      shooting_id: uuidField.nullable(),
    }),
    response: bulkUploadTaskSchema,
  },
  list: {
    request: listBulkUploadsQuerySchema.extend({ team_id: uuidField, owner_id: uuidField }),
    response: z.object({ tasks: z.array(bulkUploadTaskSchema) }),
  },
  get: {
    request: z.object({ team_id: uuidField, owner_id: uuidField, task_id: uuidField }),
    response: bulkUploadTaskSchema,
  },
} as const;
