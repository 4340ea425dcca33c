import { baseConfigSchema, storageConfigSchema } from '@mp/platform';
import { z } from 'zod';

/** Search backends this build can run. Elasticsearch joins once its adapter exists. */
export const SEARCH_BACKENDS = ['postgres'] as const;
export type SearchBackendName = (typeof SEARCH_BACKENDS)[number];

export const searchIndexerConfigSchema = z.object({
  ...baseConfigSchema.shape,
  ...storageConfigSchema.shape,
  HTTP_PORT: z.coerce.number().int().min(0).max(65535).default(8082),
  SEARCH_BACKEND: z
    .enum(SEARCH_BACKENDS, { error: 'must be "postgres" (the Elasticsearch backend is not available yet)' })
    .default('postgres'),
  /** Upper bound of a hit's signed download URL; never beyond the file's own expiry (SigV4 allows 7 days). */
  DOWNLOAD_URL_TTL_SECONDS: z.coerce.number().int().min(60).max(604800).default(604800),
});
export type SearchIndexerConfig = z.infer<typeof searchIndexerConfigSchema>;
