import { baseConfigSchema, storageConfigSchema } from '@mp/platform';
import { z } from 'zod';

/** Search backends this build can run. */
export const SEARCH_BACKENDS = ['postgres', 'elasticsearch'] as const;
export type SearchBackendName = (typeof SEARCH_BACKENDS)[number];

export const searchIndexerConfigSchema = z
  .object({
    ...baseConfigSchema.shape,
    ...storageConfigSchema.shape,
    HTTP_PORT: z.coerce.number().int().min(0).max(65535).default(8082),
    /** Unset: Elasticsearch when ELASTICSEARCH_URL is set, else Postgres. */
    SEARCH_BACKEND: z.enum(SEARCH_BACKENDS, { error: 'must be "postgres" or "elasticsearch"' }).optional(),
    ELASTICSEARCH_URL: z.url({ error: 'must be a URL such as http://127.0.0.1:9200' }).optional(),
    /** Name of the alias readers and writers use; concrete indexes are `<alias>-v<n>`. Prefixed by NAMESPACE. */
    ELASTICSEARCH_INDEX: z
      .string()
      .regex(/^[a-z][a-z0-9_-]{0,60}$/, 'must be lowercase letters, digits, - or _ (max 61), starting with a letter')
      .default('files'),
    /** Upper bound of a hit's signed download URL; never beyond the file's own expiry (SigV4 allows 7 days). */
    DOWNLOAD_URL_TTL_SECONDS: z.coerce.number().int().min(60).max(604800).default(604800),
    /** Most uploaded-file events applied in one index write. */
    INDEX_BATCH_SIZE: z.coerce.number().int().min(1).max(1000).default(500),
  })
  .refine((c) => c.SEARCH_BACKEND !== 'elasticsearch' || c.ELASTICSEARCH_URL, {
    path: ['ELASTICSEARCH_URL'],
    message: 'is required when SEARCH_BACKEND is "elasticsearch"',
  });
export type SearchIndexerConfig = z.infer<typeof searchIndexerConfigSchema>;

/** The backend the config selects (the schema guarantees Elasticsearch has its URL). */
export function selectedBackend(
  config: Pick<SearchIndexerConfig, 'SEARCH_BACKEND' | 'ELASTICSEARCH_URL'>,
): SearchBackendName {
  return config.SEARCH_BACKEND ?? (config.ELASTICSEARCH_URL ? 'elasticsearch' : 'postgres');
}
