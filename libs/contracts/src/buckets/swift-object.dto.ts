import { z } from 'zod';
import { containerNameSchema, objectNameSchema } from './bucket-names';

/** User metadata (`X-Container-Meta-*`, `X-Object-Meta-*`): lowercase names without the prefix. */
export const MAX_METADATA_BYTES = 4096;
export const userMetadataSchema = z
  .record(z.string().max(128), z.string().max(MAX_METADATA_BYTES))
  .refine((m) => Buffer.byteLength(JSON.stringify(m), 'utf8') <= MAX_METADATA_BYTES + 256, {
    message: `metadata is at most ${MAX_METADATA_BYTES} bytes`,
  });
export type UserMetadata = z.infer<typeof userMetadataSchema>;

/** How an object of a `use_encryption` bucket is encrypted: its wrapped data key and chunk nonce base. */
export const objectEncryptionSchema = z.object({
  key_id: z.string().max(40),
  wrapped_key: z.string().max(100),
  nonce_base: z.string().max(24),
});
export type ObjectEncryption = z.infer<typeof objectEncryptionSchema>;

/** One stored object as the buckets app records it; `storage_key` is where its bytes are. */
export const objectRecordSchema = z.object({
  name: z.string(),
  storage_key: z.string(),
  bytes: z.number().int(),
  hash: z.string(),
  content_type: z.string(),
  metadata: z.record(z.string(), z.string()),
  last_modified: z.string(),
  delete_at: z.string().nullable(),
  /** A dynamic large object's `container/prefix` of segments. */
  manifest: z.string().nullable(),
  /** A static large object: its bytes are the manifest (Swift's JSON list of segments). */
  slo: z.boolean(),
  encryption: objectEncryptionSchema.nullable(),
});
export type ObjectRecord = z.infer<typeof objectRecordSchema>;

/** A container (bucket) with what Swift's HEAD answers. */
export const containerInfoSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  bytes: z.number().int(),
  object_count: z.number().int(),
  metadata: z.record(z.string(), z.string()),
  created_at: z.string(),
  use_encryption: z.boolean(),
});
export type ContainerInfo = z.infer<typeof containerInfoSchema>;

const listingBounds = {
  prefix: z.string().max(1024).optional(),
  marker: z.string().max(1024).optional(),
  end_marker: z.string().max(1024).optional(),
  limit: z.number().int().min(1).max(10_000),
  reverse: z.boolean(),
};

export const accountListingRequestSchema = z.object(listingBounds);
export type AccountListingRequest = z.infer<typeof accountListingRequestSchema>;

export const accountListingSchema = z.object({
  container_count: z.number().int(),
  object_count: z.number().int(),
  bytes: z.number().int(),
  containers: z.array(
    z.object({ name: z.string(), count: z.number().int(), bytes: z.number().int(), last_modified: z.string() }),
  ),
});
export type AccountListing = z.infer<typeof accountListingSchema>;

export const containerListingRequestSchema = z.object({
  ...listingBounds,
  container: containerNameSchema,
  delimiter: z.string().min(1).max(1).optional(),
});
export type ContainerListingRequest = z.infer<typeof containerListingRequestSchema>;

export const listedObjectSchema = z.union([
  z.object({
    name: z.string(),
    hash: z.string(),
    bytes: z.number().int(),
    content_type: z.string(),
    last_modified: z.string(),
  }),
  z.object({ subdir: z.string() }),
]);
export type ListedObject = z.infer<typeof listedObjectSchema>;

export const containerListingSchema = z.object({
  container: containerInfoSchema,
  items: z.array(listedObjectSchema),
  /** The answer stopped before `limit` to stay within one RPC reply: continue after its last entry. */
  truncated: z.boolean(),
});
export type ContainerListing = z.infer<typeof containerListingSchema>;

export const containerRefSchema = z.object({ container: containerNameSchema });
export const objectRefSchema = z.object({ container: containerNameSchema, object: objectNameSchema });

export const createContainerRequestSchema = z.object({
  container: containerNameSchema,
  metadata: userMetadataSchema,
  /** The user of the creating token, who owns a new container (null: a project token). */
  owner_id: z.uuid().nullable().default(null),
});

export const updateContainerMetadataRequestSchema = z.object({
  container: containerNameSchema,
  set: userMetadataSchema,
  remove: z.array(z.string().max(128)).max(100),
});

export const commitObjectRequestSchema = z.object({
  container: containerNameSchema,
  object: objectNameSchema,
  container_id: z.uuid(),
  storage_key: z.string().max(300),
  bytes: z.number().int().min(0),
  hash: z
    .string()
    .length(32)
    .regex(/^[0-9a-f]{32}$/),
  content_type: z.string().max(256),
  metadata: userMetadataSchema,
  delete_at: z.iso.datetime().nullable(),
  manifest: z.string().max(1400).nullable(),
  slo: z.boolean(),
  encryption: objectEncryptionSchema.nullable(),
  /** `If-None-Match: *`: refuse (PreconditionFailed) when the object exists. */
  if_none_match: z.boolean(),
});

/** What a commit or delete replaced: the bytes of `replaced_storage_key` are no longer referenced. */
export const replacedObjectSchema = z.object({ replaced_storage_key: z.string().nullable() });

export const updateObjectMetadataRequestSchema = z.object({
  container: containerNameSchema,
  object: objectNameSchema,
  metadata: userMetadataSchema,
  content_type: z.string().max(256).optional(),
  delete_at: z.iso.datetime().nullable().optional(),
});
