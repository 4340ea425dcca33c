import { z } from 'zod';
import { uuidField } from '../rpc/scoped-ids';

/** Seed 003 (FastAPI-style media API): accounts, organisations and tokens, kept by quota-billing. */

export const PASSWORD_MIN_LENGTH = 8;
export const PASSWORD_MAX_LENGTH = 128;

export const passwordSchema = z
  .string({ error: 'password must be a string' })
  .min(PASSWORD_MIN_LENGTH, `password must be at least ${PASSWORD_MIN_LENGTH} characters`)
  .max(PASSWORD_MAX_LENGTH, `password must be at most ${PASSWORD_MAX_LENGTH} characters`);

export const usernameSchema = z.email({ error: 'username must be a valid e-mail address' }).max(320);

/** Admin API: a user of the team who can log in with a password. */
export const createMediaAccountBodySchema = z.object({
  username: usernameSchema,
  password: passwordSchema,
  name: z.string().max(200).optional(),
  is_superuser: z.boolean().default(false),
});
export type CreateMediaAccountBody = z.infer<typeof createMediaAccountBodySchema>;

export const updateMediaAccountBodySchema = z
  .object({
    password: passwordSchema.optional(),
    is_superuser: z.boolean().optional(),
    is_active: z.boolean().optional(),
  })
  .refine(
    (b) => b.password !== undefined || b.is_superuser !== undefined || b.is_active !== undefined,
    'set at least one of password, is_superuser, is_active',
  );
export type UpdateMediaAccountBody = z.infer<typeof updateMediaAccountBodySchema>;

/** Never carries the password or its hash. */
export const mediaAccountSchema = z.object({
  id: z.string(),
  team_id: z.string(),
  username: z.string(),
  name: z.string().nullable(),
  is_superuser: z.boolean(),
  is_active: z.boolean(),
  created_at: z.string(),
});
export type MediaAccount = z.infer<typeof mediaAccountSchema>;

export const createOrganizationBodySchema = z.object({
  name: z
    .string({ error: 'name must be a string' })
    .trim()
    .min(1, 'name must not be empty')
    .max(200, 'name must be at most 200 characters'),
});
export type CreateOrganizationBody = z.infer<typeof createOrganizationBodySchema>;

export const organizationSchema = z.object({
  id: z.string(),
  team_id: z.string(),
  name: z.string(),
  member_ids: z.array(z.string()),
  created_at: z.string(),
});
export type Organization = z.infer<typeof organizationSchema>;

export const addOrganizationMemberBodySchema = z.object({ user_id: uuidField });
export type AddOrganizationMemberBody = z.infer<typeof addOrganizationMemberBodySchema>;

/** What a valid password proves; the gateway turns it into a signed token. */
export const loginResultSchema = z.object({ user_id: z.string(), team_id: z.string(), is_superuser: z.boolean() });
export type LoginResult = z.infer<typeof loginResultSchema>;

/** The live state of an account, checked (briefly cached) on every bearer-token request. */
export const accountStatusSchema = z.object({
  user_id: z.string(),
  team_id: z.string(),
  is_active: z.boolean(),
  is_superuser: z.boolean(),
  /** Organisations the user belongs to, oldest membership first. */
  organization_ids: z.array(z.string()),
});
export type AccountStatus = z.infer<typeof accountStatusSchema>;

export const accessTokenSchema = z.object({ access_token: z.string(), token_type: z.literal('bearer') });
export type AccessToken = z.infer<typeof accessTokenSchema>;

export const loginFormSchema = z.object({
  username: z.string({ error: 'Field required' }).min(1, 'Field required'),
  password: z.string({ error: 'Field required' }).min(1, 'Field required'),
  grant_type: z
    .string()
    .regex(/^password$/, 'grant_type must be "password"')
    .optional(),
  scope: z.string().optional(),
  client_id: z.string().optional(),
  client_secret: z.string().optional(),
});
export type LoginForm = z.infer<typeof loginFormSchema>;

export const MEDIA_ACCOUNT_RPC = {
  accountCreate: { request: createMediaAccountBodySchema.extend({ team_id: uuidField }), response: mediaAccountSchema },
  accountUpdate: {
    request: z.object({
      team_id: uuidField,
      user_id: uuidField,
      password: passwordSchema.optional(),
      is_superuser: z.boolean().optional(),
      is_active: z.boolean().optional(),
    }),
    response: mediaAccountSchema,
  },
  accountLogin: {
    request: z.object({ username: z.string().max(320), password: z.string().max(1024) }),
    response: loginResultSchema,
  },
  accountStatus: { request: z.object({ user_id: uuidField }), response: accountStatusSchema },
  organizationCreate: {
    request: createOrganizationBodySchema.extend({ team_id: uuidField }),
    response: organizationSchema,
  },
  organizationGet: {
    request: z.object({ team_id: uuidField, organization_id: uuidField }),
    response: organizationSchema,
  },
  organizationMemberAdd: {
    request: z.object({ team_id: uuidField, organization_id: uuidField, user_id: uuidField }),
    response: organizationSchema,
  },
  organizationMemberRemove: {
    request: z.object({ team_id: uuidField, organization_id: uuidField, user_id: uuidField }),
    response: organizationSchema,
  },
} as const;
