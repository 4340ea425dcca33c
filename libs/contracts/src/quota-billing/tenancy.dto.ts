import { z } from 'zod';
import { aiImageProfileSchema } from './ai-image-key.dto';

/** Key kinds, one per dialect's credential. */
export const API_KEY_KINDS = ['cdt', 'kikaku', 'kikaku_s3', 'image', 'bucket'] as const;
export type ApiKeyKind = (typeof API_KEY_KINDS)[number];

export const createTeamBodySchema = z.object({
  name: z
    .string({ error: 'name must be a string' })
    .trim()
    .min(1, 'name must not be empty')
    .max(200, 'name must be at most 200 characters'),
});
export type CreateTeamBody = z.infer<typeof createTeamBodySchema>;

export const teamSchema = z.object({ id: z.string(), name: z.string(), created_at: z.string() });
export type Team = z.infer<typeof teamSchema>;

export const createUserBodySchema = z.object({
  email: z.email({ error: 'email must be a valid e-mail address' }).max(320),
  name: z.string().max(200).optional(),
});
export type CreateUserBody = z.infer<typeof createUserBodySchema>;

export const userSchema = z.object({
  id: z.string(),
  team_id: z.string(),
  email: z.string(),
  name: z.string().nullable(),
  created_at: z.string(),
});
export type User = z.infer<typeof userSchema>;

export const createApiKeyBodySchema = z.object({
  kind: z.enum(API_KEY_KINDS, { error: `kind must be one of ${API_KEY_KINDS.join(', ')}` }),
  name: z.string().max(200).optional(),
  user_id: z.string().uuid('user_id must be a UUID').optional(),
});
export type CreateApiKeyBody = z.infer<typeof createApiKeyBodySchema>;

/** Returned once at creation: the only time the plaintext secret is visible. */
export const createdApiKeySchema = z.object({
  id: z.string(),
  kind: z.enum(API_KEY_KINDS),
  name: z.string().nullable(),
  key: z.string().optional(),
  app_key: z.string().optional(),
  secret_key: z.string().optional(),
  created_at: z.string(),
});
export type CreatedApiKey = z.infer<typeof createdApiKeySchema>;

export const apiKeySummarySchema = z.object({
  id: z.string(),
  kind: z.enum(API_KEY_KINDS),
  name: z.string().nullable(),
  team_id: z.string(),
  user_id: z.string().nullable(),
  hint: z.string(),
  app_key: z.string().nullable(),
  created_at: z.string(),
  last_used_at: z.string().nullable(),
  revoked_at: z.string().nullable(),
  /** `kikaku` keys only: the AI Image profile (owner, image quota, status, expiry, rate limit). */
  ai_image: aiImageProfileSchema.optional(),
});
export type ApiKeySummary = z.infer<typeof apiKeySummarySchema>;

/** Who is calling, as resolved by quota-billing from a key. */
export const principalSchema = z.object({
  key_id: z.string(),
  team_id: z.string(),
  user_id: z.string().nullable(),
  kind: z.enum(API_KEY_KINDS),
  /** AI Image keys an admin gave their own limit; absent or null: the dialect's configured limit. */
  rate_limit_per_minute: z.number().int().min(0).nullable().optional(),
});
export type Principal = z.infer<typeof principalSchema>;
