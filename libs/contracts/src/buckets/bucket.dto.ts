import { z } from 'zod';
import { containerNameSchema, extBucketNameSchema } from './bucket-names';
import { bucketAclSchema } from './bucket-acl.dto';

export const BUCKET_TYPES = ['hot', 'cold'] as const;

/**
 * `PUT /v1_ext/bucket`: the seed's table says `bucket_name`, its example `name`; either is accepted
 * (`name` wins when both are sent). `type` defaults to hot; `cold` is stored as asked.
 */
export const createBucketBodySchema = z
  .object({
    name: extBucketNameSchema.optional(),
    bucket_name: extBucketNameSchema.optional(),
    type: z.enum(BUCKET_TYPES, { error: 'type must be hot or cold' }).default('hot'),
    use_encryption: z.boolean({ error: 'use_encryption must be a boolean' }).default(false),
  })
  .refine((b) => b.name !== undefined || b.bucket_name !== undefined, {
    message: 'name (or bucket_name) is required',
    path: ['name'],
  })
  .transform((b) => ({ name: (b.name ?? b.bucket_name)!, type: b.type, use_encryption: b.use_encryption }));
export type CreateBucketBody = z.output<typeof createBucketBodySchema>;

/** The seed's create answer; it spells the flag `use_encrytion` in one place, so both are sent. */
export const createdBucketSchema = z.object({
  name: z.string(),
  type: z.enum(BUCKET_TYPES),
  use_encryption: z.boolean(),
  use_encrytion: z.boolean(),
});
export type CreatedBucket = z.infer<typeof createdBucketSchema>;

export const simpleUserSchema = z.object({ id: z.string(), name: z.string() });

export const simpleBucketSchema = z.object({
  account: z.string(),
  name: z.string(),
  type: z.enum(BUCKET_TYPES),
  bytes: z.number().int(),
  objectCount: z.number().int(),
  policyCount: z.number().int(),
  createdAt: z.string(),
  lastModified: z.string(),
  owner: simpleUserSchema.nullable(),
  use_encryption: z.boolean(),
});
export type SimpleBucket = z.infer<typeof simpleBucketSchema>;

export const bucketSchema = simpleBucketSchema.extend({ acl: bucketAclSchema });
export type Bucket = z.infer<typeof bucketSchema>;

export const BUCKET_SORT_FIELDS = ['bucket_name', 'bucket_type', 'created_at', 'bytes_used'] as const;

const intParam = (name: string, min: number, max: number, fallback: number) =>
  z.coerce
    .number({ error: `${name} must be an integer` })
    .int(`${name} must be an integer`)
    .min(min, `${name} must be at least ${min}`)
    .max(max, `${name} must be at most ${max}`)
    .default(fallback);

/** `GET /v1_ext/bucket`: `prefix` and `include` are exclusive. */
export const listBucketsQuerySchema = z
  .object({
    offset: intParam('offset', 0, 1_000_000, 0),
    limit: intParam('limit', 1, 1000, 20),
    prefix: z.string().max(256, 'prefix must be at most 256 characters').optional(),
    include: z.string().max(256, 'include must be at most 256 characters').optional(),
    type: z.enum(BUCKET_TYPES, { error: 'type must be hot or cold' }).optional(),
    by: z
      .enum(BUCKET_SORT_FIELDS, { error: `by must be one of ${BUCKET_SORT_FIELDS.join(', ')}` })
      .default('bucket_name'),
    direct: z.enum(['asc', 'desc'], { error: 'direct must be asc or desc' }).default('asc'),
  })
  .refine((q) => q.prefix === undefined || q.include === undefined, {
    message: 'prefix and include cannot be used together',
    path: ['include'],
  });
export type ListBucketsQuery = z.output<typeof listBucketsQuerySchema>;

export const bucketListSchema = z.object({
  totalCount: z.number().int(),
  offset: z.number().int(),
  count: z.number().int(),
  items: z.array(simpleBucketSchema),
});
export type BucketList = z.infer<typeof bucketListSchema>;

/** `{name}` of `/v1_ext/bucket/{name}`: any container name, since Swift-made containers are buckets too. */
export const bucketParamsSchema = z.object({ name: containerNameSchema });
