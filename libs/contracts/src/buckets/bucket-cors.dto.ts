import { z } from 'zod';

export const CORS_METHODS = ['GET', 'PUT', 'POST', 'DELETE', 'HEAD'] as const;
export const MAX_CORS_RULES = 10;
export const DEFAULT_CORS_MAX_AGE_SECONDS = 5;

const headerName = z
  .string({ error: 'a header must be a string' })
  .min(1)
  .max(200, 'a header is at most 200 characters');

export const corsRuleSchema = z.object({
  allowed_origins: z
    .array(
      z
        .string({ error: 'an origin must be a string' })
        .min(1, 'an origin must not be empty')
        .max(200, 'an origin is at most 200 characters')
        .refine((o) => o.split('*').length <= 2, 'an origin holds at most one "*"'),
      { error: 'allowed_origins must be a list' },
    )
    .min(1, 'allowed_origins must not be empty')
    .max(100),
  allowed_methods: z
    .array(z.enum(CORS_METHODS, { error: `allowed_methods are ${CORS_METHODS.join(', ')}` }), {
      error: 'allowed_methods must be a list',
    })
    .min(1, 'allowed_methods must not be empty')
    .max(CORS_METHODS.length),
  allowed_headers: z.array(headerName, { error: 'allowed_headers must be a list' }).max(100).default([]),
  expose_headers: z.array(headerName, { error: 'expose_headers must be a list' }).max(100).default([]),
  max_age_seconds: z
    .number({ error: 'max_age_seconds must be an integer' })
    .int('max_age_seconds must be an integer')
    .min(0, 'max_age_seconds must be at least 0')
    .max(86_400, 'max_age_seconds must be at most 86400')
    .default(DEFAULT_CORS_MAX_AGE_SECONDS),
});
export type CorsRule = z.output<typeof corsRuleSchema>;

/** `PUT|POST /v1_ext/bucket/{name}/cors`: the whole list; `[]`, a missing `cors` or an empty body resets it. */
export const putCorsBodySchema = z
  .object({
    cors: z
      .array(corsRuleSchema, { error: 'cors must be a list of rules' })
      .max(MAX_CORS_RULES, `at most ${MAX_CORS_RULES} CORS rules`)
      .nullable()
      .optional(),
  })
  .transform((b) => ({ cors: b.cors ?? [] }));

export const corsConfigurationSchema = z.object({ cors: z.array(corsRuleSchema) });
export type CorsConfiguration = z.output<typeof corsConfigurationSchema>;

/** Swift's own CORS metadata of a container (`X-Container-Meta-Access-Control-*`). */
export const swiftCorsMetadataSchema = z.object({
  allow_origin: z.string().nullable(),
  expose_headers: z.string().nullable(),
  max_age: z.string().nullable(),
});
export type SwiftCorsMetadata = z.infer<typeof swiftCorsMetadataSchema>;

export const containerAccessSchema = z.object({
  public: z.enum(['read-only']).nullable(),
  public_read_allow_ip_list: z.array(z.string()),
  cors: z.array(corsRuleSchema),
  swift_cors: swiftCorsMetadataSchema,
  /** `X-Container-Meta-Temp-URL-Key` and `-Key-2` (the keys TempURL signatures are checked with). */
  temp_url_keys: z.array(z.string()),
  /** Who holds which role on the bucket (see bucket-roles in the gateway). */
  owner_id: z.string().nullable(),
  permissions: z.array(z.object({ user_id: z.string(), permission: z.enum(['read-only', 'read-write']) })),
});
export type ContainerAccess = z.output<typeof containerAccessSchema>;
