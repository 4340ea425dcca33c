import { z } from 'zod';
import { keyScoped } from '../rpc/scoped-ids';

/**
 * Seed 002's AI Image quota and history: images are reserved before a generation and settled to
 * the delivered count after it; `GET /v1/usage`, `/v1/logs` and `/v1/gallery` read what
 * quota-billing recorded. RPC requests are scoped to the caller's team and key.
 */

const count = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);
/** The gateway's generation request id (a UUID today; any short opaque id is accepted). */
const requestId = z.string().min(1).max(100);

export const AI_IMAGE_PAGE_LIMIT_MAX = 100;
export const AI_IMAGE_PAGE_LIMIT_DEFAULT = 20;

export const imagesReserveRequestSchema = z.object({
  ...keyScoped,
  request_id: requestId,
  images: count.min(1).max(100),
});
export const imagesReservationSchema = z.object({
  request_id: requestId,
  reserved_images: count,
  /** False when this request id had reserved already (a retried call): nothing more was held. */
  created: z.boolean(),
});

export const imagesSettleRequestSchema = z.object({ ...keyScoped, request_id: requestId, delivered: count.max(100) });
export const imagesSettlementSchema = z.object({
  request_id: requestId,
  /** Images charged: the delivered ones, never more than were reserved. */
  billed_images: count,
  /** Reserved images given back. */
  refunded_images: count,
  /** False when the reservation was settled already (a retried call): nothing changed. */
  settled_now: z.boolean(),
});

/** `GET /v1/usage`, field for field as the seed shows it. */
export const aiImageUsageSchema = z.object({
  owner_name: z.string().nullable(),
  email: z.string().nullable(),
  quota_limit: count,
  used_count: count,
  /** Images that can still be asked for: the limit less used and in-flight images, never negative. */
  remaining: count,
  /** `expired` once `expires_at` has passed (whatever the stored status). */
  status: z.enum(['active', 'suspended', 'expired']),
  created_at: z.string(),
  expires_at: z.string().nullable(),
  stats: z.object({
    total_requests: count,
    successful_requests: count,
    failed_requests: count,
    avg_response_time_ms: count,
  }),
});
export type AiImageUsage = z.infer<typeof aiImageUsageSchema>;

const page = count.min(1).max(1_000_000);
const limit = count.min(1).max(AI_IMAGE_PAGE_LIMIT_MAX);

export const imagesLogsRequestSchema = z.object({
  ...keyScoped,
  /** Inclusive lower bound (ISO timestamp). */
  from: z.iso.datetime({ offset: true }).optional(),
  /** Exclusive upper bound (ISO timestamp). */
  until: z.iso.datetime({ offset: true }).optional(),
  page,
  limit,
});

export const paginationSchema = z.object({ page: count, limit: count, total: count });

export const aiImageLogSchema = z.object({
  id: count,
  /** Public model name; null when the request named no model the API knows. */
  model: z.string().nullable(),
  timestamp: z.string(),
  status: z.enum(['success', 'failed']),
  response_time_ms: count,
  error_message: z.string().nullable(),
});
export const aiImageLogsPageSchema = z.object({ logs: z.array(aiImageLogSchema), pagination: paginationSchema });
export type AiImageLogsPage = z.infer<typeof aiImageLogsPageSchema>;

export const imagesGalleryRequestSchema = z.object({ ...keyScoped, page, limit });

/** A gallery entry as quota-billing keeps it: the gateway turns `object_key` into a signed `s3_url`. */
export const storedGalleryImageSchema = z.object({
  id: count,
  prompt: z.string(),
  model: z.string(),
  object_key: z.string(),
  image_size: z.string(),
  created_at: z.string(),
});
export const storedGalleryPageSchema = z.object({
  images: z.array(storedGalleryImageSchema),
  pagination: paginationSchema,
});
export type StoredGalleryPage = z.infer<typeof storedGalleryPageSchema>;

/** `GET /v1/gallery`, field for field as the seed shows it. */
export const aiImageGalleryPageSchema = z.object({
  images: z.array(
    storedGalleryImageSchema.omit({ object_key: true }).extend({
      /** A signed GET URL of our own stored copy, signed anew on every listing. */
      s3_url: z.string(),
    }),
  ),
  pagination: paginationSchema,
});
export type AiImageGalleryPage = z.infer<typeof aiImageGalleryPageSchema>;
