import { isIP } from 'node:net';
import { z } from 'zod';

/** An IPv4/IPv6 address or a CIDR block of one. */
export const ipOrCidrSchema = z
  .string({ error: 'each entry must be a string' })
  .max(64, 'an address or CIDR is at most 64 characters')
  .refine((value) => {
    const [address, bits, extra] = value.split('/');
    const family = isIP(address ?? '');
    if (family === 0 || extra !== undefined) return false;
    if (bits === undefined) return true;
    return /^\d{1,3}$/.test(bits) && Number(bits) <= (family === 4 ? 32 : 128);
  }, 'each entry must be an IPv4/IPv6 address or CIDR block');

export const bucketPermissionSchema = z.object({
  user: z.object({ id: z.string().max(64), name: z.string().max(320) }),
  permission: z.enum(['read-only', 'read-write']),
});
export type BucketPermission = z.infer<typeof bucketPermissionSchema>;

/** The seed's AccessControlList as stored and answered. */
export const bucketAclSchema = z.object({
  permissions: z.array(bucketPermissionSchema).nullable(),
  public: z.enum(['read-only']).nullable(),
  public_read_allow_ip_list: z.array(z.string()),
});
export type BucketAcl = z.infer<typeof bucketAclSchema>;

export const BUCKET_ROLES = ['read-only', 'read-write'] as const;
export type BucketRole = (typeof BUCKET_ROLES)[number];
export const MAX_BUCKET_PERMISSIONS = 100;

/** One per-user grant of `acl.permissions` as sent: the seed's Permission (`user.name` is ours to fill). */
export const bucketPermissionInputSchema = z.object(
  {
    user: z.object(
      {
        id: z
          .string({ error: 'acl.permissions[].user.id must be a user id' })
          .uuid('acl.permissions[].user.id must be a user id'),
        name: z.string().max(320).optional(),
      },
      { error: 'acl.permissions[].user must be an object with an id' },
    ),
    permission: z.enum(BUCKET_ROLES, { error: 'acl.permissions[].permission must be read-only or read-write' }),
  },
  { error: 'acl.permissions[] entries must be {user: {id}, permission}' },
);

/** `acl` of `POST /v1_ext/bucket/{name}`: `null` clears it. */
export const bucketAclInputSchema = z
  .object({
    /** Absent: the grants stay as they are; `null` or `[]` removes them. */
    permissions: z
      .array(bucketPermissionInputSchema, { error: 'acl.permissions must be a list' })
      .max(MAX_BUCKET_PERMISSIONS, `acl.permissions holds at most ${MAX_BUCKET_PERMISSIONS} entries`)
      .refine((list) => new Set(list.map((p) => p.user.id)).size === list.length, {
        message: 'acl.permissions names a user more than once',
      })
      .nullable()
      .optional(),
    public: z.enum(['read-only'], { error: 'acl.public can only be "read-only"' }).nullable().optional(),
    public_read_allow_ip_list: z
      .array(ipOrCidrSchema, { error: 'acl.public_read_allow_ip_list must be a list' })
      .max(100, 'acl.public_read_allow_ip_list holds at most 100 entries')
      .optional(),
  })
  .nullable();

/** `POST /v1_ext/bucket/{name}`: either `acl` or `ownerId` (the seed's two uses of the route). */
export const updateBucketBodySchema = z
  .object({
    name: z.string().max(256).optional(),
    acl: bucketAclInputSchema.optional(),
    ownerId: z.string({ error: 'ownerId must be a string' }).uuid('ownerId must be a user id').optional(),
  })
  .refine((b) => b.acl !== undefined || b.ownerId !== undefined, {
    message: 'send acl or ownerId',
    path: ['acl'],
  });
export type UpdateBucketBody = z.infer<typeof updateBucketBodySchema>;

export const updatedBucketSchema = z.object({ name: z.string(), ownerId: z.string().nullable(), acl: bucketAclSchema });
export type UpdatedBucket = z.infer<typeof updatedBucketSchema>;
