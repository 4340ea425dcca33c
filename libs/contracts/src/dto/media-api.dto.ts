import { z } from 'zod';
import { folderSchema } from './upload-url.dto';

/** Seed 003 (FastAPI-style media lifecycle API): accounts, presigned PUT, file serving, export configuration. */

const id = z.uuid({ error: 'must be a UUID' });

// ---- accounts, organisations, tokens ---------------------------------------------------------

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

export const addOrganizationMemberBodySchema = z.object({ user_id: id });
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

// ---- presigned PUT -----------------------------------------------------------------------------

export const MEDIA_MAX_FILE_SIZE = 52_428_800;

/** The seed's "Validation Rules" table, exactly. */
export const MEDIA_ALLOWED_CONTENT_TYPES = [
  'image/jpeg',
  'image/png',
  'image/webp',
  'image/gif',
  'image/avif',
  'application/zip',
  'application/pdf',
  'video/mp4',
  'audio/mpeg',
] as const;
export type MediaContentType = (typeof MEDIA_ALLOWED_CONTENT_TYPES)[number];

/** Where presigned PUT uploads land: `temp/{file_id}_{timestamp}_{safe_filename}`. */
export const MEDIA_TEMP_PREFIX = 'temp/';

export const presignedUrlRequestSchema = z.object({
  folder: folderSchema,
  filename: z
    .string({ error: 'Field required' })
    .min(1, 'filename must not be empty')
    .refine((f) => Buffer.byteLength(f, 'utf8') <= 255, 'filename must be at most 255 bytes'),
  content_type: z.enum(MEDIA_ALLOWED_CONTENT_TYPES, {
    error: `content_type must be one of ${MEDIA_ALLOWED_CONTENT_TYPES.join(', ')}`,
  }),
  file_size: z
    .number({ error: 'file_size must be an integer' })
    .int('file_size must be an integer')
    .min(0, 'file_size must be at least 0')
    .max(MEDIA_MAX_FILE_SIZE, `file_size must be at most ${MEDIA_MAX_FILE_SIZE} bytes (50 MB)`)
    .nullish(),
});
export type PresignedUrlRequest = z.infer<typeof presignedUrlRequestSchema>;

export const mediaUploadSessionSchema = z.object({
  file_id: z.string(),
  object_key: z.string(),
  upload_url: z.string(),
  upload_method: z.literal('PUT'),
  expires_in_seconds: z.number().int(),
  max_file_size: z.number().int(),
});
export type MediaUploadSession = z.infer<typeof mediaUploadSessionSchema>;

export const presignedUrlResponseSchema = z.object({
  upload_url: z.string(),
  file_url: z.string(),
  upload_method: z.literal('PUT'),
  expires_in_seconds: z.number().int(),
  max_file_size: z.number().int(),
});
export type PresignedUrlResponse = z.infer<typeof presignedUrlResponseSchema>;

/** `POST /api/v1/uploads/admin/upload-lora` (superuser only): where the LoRA file was stored. */
export const LORA_UPLOAD_PREFIX = 'loras/';
export const loraUploadResponseSchema = z.object({
  /** `loras/{team_id}/{uuid}_{safe_filename}` */
  object_key: z.string(),
  file_url: z.string(),
  filename: z.string(),
  size: z.number().int(),
  content_type: z.string(),
});
export type LoraUploadResponse = z.infer<typeof loraUploadResponseSchema>;

// ---- file serving ------------------------------------------------------------------------------

export const SERVE_FORMATS = ['webp', 'jpeg', 'png', 'avif', 'gif'] as const;
export type ServeFormat = (typeof SERVE_FORMATS)[number];

/** `?type=` of `GET /files/{path}`: quality 90, as the seed's Cloudflare transformation. */
export const VARIANT_QUALITY = 90;

export const variantEnsureRequestSchema = z.object({
  source_key: z.string().min(1).max(1024),
  format: z.enum(SERVE_FORMATS),
  quality: z.number().int().min(1).max(100),
});
export const variantEnsureResponseSchema = z.object({ derived_key: z.string(), converted: z.boolean() });
export type VariantEnsureResponse = z.infer<typeof variantEnsureResponseSchema>;

// ---- export configuration ----------------------------------------------------------------------

export const EXPORT_IMAGE_FORMATS = ['webp', 'jpeg', 'png', 'avif'] as const;
export type ExportImageFormat = (typeof EXPORT_IMAGE_FORMATS)[number];
export const METADATA_ADAPTERS = ['default', 'ovs'] as const;
export type MetadataAdapter = (typeof METADATA_ADAPTERS)[number];

const imageFormat = z.enum(EXPORT_IMAGE_FORMATS, {
  error: `image_format must be one of ${EXPORT_IMAGE_FORMATS.join(', ')}`,
});
const metadataAdapter = z.enum(METADATA_ADAPTERS, {
  error: `metadata_adapter must be one of ${METADATA_ADAPTERS.join(', ')}`,
});

export const exportConfigurationCreateSchema = z.object({
  metadata_adapter: metadataAdapter.default('default'),
  image_format: imageFormat.default('webp'),
});
export type ExportConfigurationCreate = z.infer<typeof exportConfigurationCreateSchema>;

export const exportConfigurationUpdateSchema = z.object({
  metadata_adapter: metadataAdapter.nullish(),
  image_format: imageFormat.nullish(),
});
export type ExportConfigurationUpdate = z.infer<typeof exportConfigurationUpdateSchema>;

/** `GET …/me/export-configuration/effective?organization_id=` (our addition: the resolution organisation → user → default). */
export const effectiveExportConfigurationQuerySchema = z.object({
  organization_id: z.uuid({ error: 'Input should be a valid UUID' }).optional(),
});

export const exportConfigurationSchema = z.object({
  id: z.string(),
  created_at: z.string(),
  updated_at: z.string(),
  user_id: z.string(),
  organization_id: z.string().nullable(),
  metadata_adapter: z.enum(METADATA_ADAPTERS),
  image_format: z.enum(EXPORT_IMAGE_FORMATS),
});
export type ExportConfiguration = z.infer<typeof exportConfigurationSchema>;

export const effectiveExportConfigurationSchema = z.object({
  image_format: z.enum(EXPORT_IMAGE_FORMATS),
  metadata_adapter: z.enum(METADATA_ADAPTERS),
  source: z.enum(['organization', 'user', 'default']),
  organization_id: z.string().nullable(),
  configuration_id: z.string().nullable(),
});
export type EffectiveExportConfiguration = z.infer<typeof effectiveExportConfigurationSchema>;

/** Whose configuration: a user's personal one, or an organisation's (then `user_id` is the creator). */
const exportOwner = z.object({ team_id: id, user_id: id, organization_id: id.nullable() });

export const MEDIA_API_RPC = {
  accountCreate: { request: createMediaAccountBodySchema.extend({ team_id: id }), response: mediaAccountSchema },
  accountUpdate: {
    request: z.object({
      team_id: id,
      user_id: id,
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
  accountStatus: { request: z.object({ user_id: id }), response: accountStatusSchema },
  organizationCreate: { request: createOrganizationBodySchema.extend({ team_id: id }), response: organizationSchema },
  organizationGet: { request: z.object({ team_id: id, organization_id: id }), response: organizationSchema },
  organizationMemberAdd: {
    request: z.object({ team_id: id, organization_id: id, user_id: id }),
    response: organizationSchema,
  },
  organizationMemberRemove: {
    request: z.object({ team_id: id, organization_id: id, user_id: id }),
    response: organizationSchema,
  },
  uploadCreate: {
    request: presignedUrlRequestSchema.extend({ team_id: id, user_id: id }),
    response: mediaUploadSessionSchema,
  },
  variantEnsure: { request: variantEnsureRequestSchema, response: variantEnsureResponseSchema },
  exportConfigGet: { request: exportOwner, response: exportConfigurationSchema },
  exportConfigCreate: {
    request: exportOwner.extend(exportConfigurationCreateSchema.shape),
    response: exportConfigurationSchema,
  },
  exportConfigUpdate: {
    request: exportOwner.extend(exportConfigurationUpdateSchema.shape),
    response: exportConfigurationSchema,
  },
  exportConfigDelete: { request: exportOwner, response: z.object({ deleted: z.literal(true) }) },
  exportConfigResolve: {
    request: z.object({ team_id: id, user_id: id, organization_ids: z.array(id).max(1000) }),
    response: effectiveExportConfigurationSchema,
  },
} as const;
