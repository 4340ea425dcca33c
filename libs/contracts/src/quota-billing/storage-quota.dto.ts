import { z } from 'zod';
import { keyScoped, uuidField } from '../rpc/scoped-ids';

/**
 * Storage quota of the S3 proxy (seed 002, `/s3/...`): bytes per `kikaku_s3` key, kept by
 * quota-billing. An upload reserves bytes before they reach the store (growing the reservation
 * while it streams), commits the stored size when done, and releases the reservation on failure.
 */

/** Longest user-visible object key, in UTF-8 bytes (S3's own limit). */
export const S3_PROXY_KEY_MAX_BYTES = 1024;

const bytes = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);

/** A user-visible object key as quota-billing records it (validated fully by the gateway). */
const objectKey = z
  .string()
  .min(1)
  .max(S3_PROXY_KEY_MAX_BYTES * 4);

/** `GET /s3/usage` and the admin view of a key's storage quota. */
export const storageUsageSchema = z.object({
  quota_limit_bytes: bytes,
  used_bytes: bytes,
  /** Held by uploads still streaming. */
  reserved_bytes: bytes,
  remaining_bytes: bytes,
  file_count: bytes,
  /** `exceeded` once nothing more fits (e.g. after the limit was lowered below usage). */
  status: z.enum(['active', 'exceeded']),
  /** Whether the limit is the deployment default (no per-key limit set). */
  default_limit: z.boolean(),
});
export type StorageUsage = z.infer<typeof storageUsageSchema>;

export const storageReserveRequestSchema = z.object({ ...keyScoped, bytes });
export const storageReservationSchema = z.object({ reservation_id: uuidField, reserved_bytes: bytes });
export type StorageReservation = z.infer<typeof storageReservationSchema>;

export const storageExtendRequestSchema = z.object({ ...keyScoped, reservation_id: uuidField, bytes: bytes.min(1) });

export const storageCommitRequestSchema = z.object({
  ...keyScoped,
  reservation_id: uuidField,
  object_key: objectKey,
  size: bytes,
});
export const storageCommitResponseSchema = z.object({ replaced_bytes: bytes.nullable(), usage: storageUsageSchema });

export const storageReleaseRequestSchema = z.object({ ...keyScoped, reservation_id: uuidField });
export const storageReleaseResponseSchema = z.object({ released_bytes: bytes });

export const storageFreeRequestSchema = z.object({ ...keyScoped, object_key: objectKey });
export const storageFreeResponseSchema = z.object({ freed_bytes: bytes.nullable(), usage: storageUsageSchema });

export const storageUsageRequestSchema = z.object(keyScoped);

/** Body of `PUT /admin/v1/teams/{teamId}/api-keys/{keyId}/storage-quota`; null restores the default. */
export const setStorageLimitBodySchema = z.object({
  limit_bytes: z
    .number({ error: 'limit_bytes must be a whole number of bytes or null' })
    .int('limit_bytes must be a whole number of bytes')
    .min(0, 'limit_bytes must not be negative')
    .max(Number.MAX_SAFE_INTEGER, 'limit_bytes is too large')
    .nullable(),
});
export type SetStorageLimitBody = z.infer<typeof setStorageLimitBodySchema>;
export const storageSetLimitRequestSchema = setStorageLimitBodySchema.extend(keyScoped);
