import { z } from 'zod';

const id = z.uuid({ error: 'must be a UUID' });

/** What a media resource can be attached to: `product`, `shooting`, … (lowercase identifier). */
export const entityTypeSchema = z
  .string({ error: 'entity_type must be a string' })
  .regex(/^[a-z][a-z0-9_]{0,62}$/, 'entity_type must be a lowercase identifier (a-z, 0-9, _), at most 63 characters');

export const entityIdSchema = z
  .string({ error: 'entity_id must be a string' })
  .min(1, 'entity_id must not be empty')
  .max(200, 'entity_id must be at most 200 characters');

export const MEDIA_INGEST_MAX_URLS = 50;

/** Body of `POST /api/v1/media-resources/ingest`: temp file URLs (or `temp/…` keys) for one entity. */
export const ingestMediaBodySchema = z.object({
  entity_type: entityTypeSchema,
  entity_id: entityIdSchema,
  urls: z
    .array(z.string({ error: 'urls must contain strings' }).min(1, 'urls must not contain empty strings').max(2048), {
      error: 'urls must be an array of strings',
    })
    .min(1, 'urls must not be empty')
    .max(MEDIA_INGEST_MAX_URLS, `urls must have at most ${MEDIA_INGEST_MAX_URLS} entries`),
});
export type IngestMediaBody = z.infer<typeof ingestMediaBodySchema>;

/** A resource linked to an entity, with its canonical URL `{CDN_URL}/media/{resource_id}/file.{ext}`. */
export const mediaAttachmentSchema = z.object({
  id: z.string(),
  resource_id: z.string(),
  entity_type: z.string(),
  entity_id: z.string(),
  position: z.number().int(),
  url: z.string(),
  object_key: z.string(),
  sha256: z.string(),
  size: z.number().int(),
  content_type: z.string().nullable(),
  created_at: z.string(),
});
export type MediaAttachment = z.infer<typeof mediaAttachmentSchema>;

export const ingestMediaResultSchema = z.object({
  attachments: z.array(mediaAttachmentSchema.extend({ source_url: z.string(), deduplicated: z.boolean() })),
});
export type IngestMediaResult = z.infer<typeof ingestMediaResultSchema>;

export const listMediaAttachmentsQuerySchema = z.object({ entity_type: entityTypeSchema, entity_id: entityIdSchema });
export const mediaAttachmentListSchema = z.object({ attachments: z.array(mediaAttachmentSchema) });
export type MediaAttachmentList = z.infer<typeof mediaAttachmentListSchema>;

export const detachMediaResultSchema = z.object({ id: z.string(), resource_id: z.string(), detached: z.literal(true) });
export type DetachMediaResult = z.infer<typeof detachMediaResultSchema>;

/** The caller of every media RPC: the team owns every row and object; the user is the owner of tasks. */
export const mediaCallerSchema = z.object({ team_id: id, user_id: id.nullable() });

export const MEDIA_RPC = {
  ingest: { request: ingestMediaBodySchema.extend(mediaCallerSchema.shape), response: ingestMediaResultSchema },
  list: { request: listMediaAttachmentsQuerySchema.extend({ team_id: id }), response: mediaAttachmentListSchema },
  detach: { request: z.object({ team_id: id, attachment_id: id }), response: detachMediaResultSchema },
} as const;

// ——— Products and bulk upload (seed 003 `/api/v1/products/bulk-upload/`) ———

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
  shooting_id: id.optional(),
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
      team_id: id,
      owner_id: id,
      task_id: id,
      filename: z.string().min(1).max(BULK_UPLOAD_LIMITS.maxFilenameBytes),
      object_key: z.string().min(1),
      caption_products: z.boolean(),
      skip_existing_skus: z.boolean(),
      shooting_id: id.nullable(),
    }),
    response: bulkUploadTaskSchema,
  },
  list: {
    request: listBulkUploadsQuerySchema.extend({ team_id: id, owner_id: id }),
    response: z.object({ tasks: z.array(bulkUploadTaskSchema) }),
  },
  get: { request: z.object({ team_id: id, owner_id: id, task_id: id }), response: bulkUploadTaskSchema },
} as const;
