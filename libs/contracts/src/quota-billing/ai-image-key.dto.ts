import { z } from 'zod';

/**
 * The AI Image profile of a `kikaku_` key (seed 002): who owns it, its image quota, whether it may
 * generate and how fast. Kept by quota-billing; the admin API changes it, `GET /v1/usage` shows it.
 */

export const AI_IMAGE_KEY_STATUSES = ['active', 'suspended'] as const;
export type AiImageKeyStatus = (typeof AI_IMAGE_KEY_STATUSES)[number];

const count = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);

/** How `GET /admin/v1/teams/{teamId}/api-keys` shows a kikaku key's profile. */
export const aiImageProfileSchema = z.object({
  owner_name: z.string().nullable(),
  email: z.string().nullable(),
  /** Images this key may generate in total; the deployment default when it has no limit of its own. */
  quota_limit: count,
  /** Whether `quota_limit` is the deployment default (AI_IMAGE_DEFAULT_QUOTA). */
  default_quota: z.boolean(),
  used_count: count,
  /** Images held by generations still running. */
  reserved_count: count,
  status: z.enum(AI_IMAGE_KEY_STATUSES),
  expires_at: z.string().nullable(),
  /** The key's own requests per minute; null: the gateway's GENERATION_RATE_LIMIT (the seed's 10 per minute). */
  rate_limit_per_minute: z.number().int().positive().nullable(),
});
export type AiImageProfile = z.infer<typeof aiImageProfileSchema>;

const PATCH_FIELDS: readonly string[] = [
  'owner_name',
  'email',
  'quota_limit',
  'used_count',
  'status',
  'expires_at',
  'rate_limit_per_minute',
];

/** Body of `PATCH /admin/v1/teams/{teamId}/api-keys/{keyId}`: any of the profile's fields (unknown ones are ignored). */
export const updateAiImageKeyBodySchema = z
  .object({
    owner_name: z
      .string({ error: 'owner_name must be a string or null' })
      .trim()
      .min(1, 'owner_name must not be empty')
      .max(200, 'owner_name must be at most 200 characters')
      .nullable()
      .optional(),
    email: z.email({ error: 'email must be a valid e-mail address or null' }).max(320).nullable().optional(),
    quota_limit: z
      .number({ error: 'quota_limit must be a whole number of images or null (the deployment default)' })
      .int('quota_limit must be a whole number of images')
      .min(0, 'quota_limit must not be negative')
      .max(1_000_000_000, 'quota_limit must be at most 1000000000')
      .nullable()
      .optional(),
    used_count: z
      .number({ error: 'used_count must be a whole number of images' })
      .int('used_count must be a whole number of images')
      .min(0, 'used_count must not be negative')
      .max(1_000_000_000, 'used_count must be at most 1000000000')
      .optional(),
    status: z.enum(AI_IMAGE_KEY_STATUSES, { error: 'status must be active or suspended' }).optional(),
    expires_at: z.iso
      .datetime({ offset: true, error: 'expires_at must be an ISO 8601 timestamp (e.g. 2026-01-15T10:00:00Z) or null' })
      .nullable()
      .optional(),
    rate_limit_per_minute: z
      .number({ error: 'rate_limit_per_minute must be a whole number or null (the deployment default)' })
      .int('rate_limit_per_minute must be a whole number')
      .min(1, 'rate_limit_per_minute must be at least 1')
      .max(100_000, 'rate_limit_per_minute must be at most 100000')
      .nullable()
      .optional(),
  })
  .refine((body) => Object.entries(body).some(([field, v]) => PATCH_FIELDS.includes(field) && v !== undefined), {
    message: `send at least one of ${PATCH_FIELDS.join(', ')}`,
  });
export type UpdateAiImageKeyBody = z.infer<typeof updateAiImageKeyBodySchema>;
