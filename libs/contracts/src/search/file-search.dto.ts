import { z } from 'zod';

export const SEARCH_PAGE_SIZE = { default: 20, max: 100 } as const;

/** Longest filter key or `sort_by`: `metadata.` and a custom key of at most 256 characters fit. */
export const SEARCH_FIELD_MAX_CHARS = 300;

/** Body of `POST /v1/files/storage/search` (seed 000). */
export const fileSearchBodySchema = z.object({
  filters: z
    .record(
      z.string().max(SEARCH_FIELD_MAX_CHARS, `filter keys must be at most ${SEARCH_FIELD_MAX_CHARS} characters`),
      z.unknown(),
      { error: 'filters must be a JSON object' },
    )
    .default({}),
  sort_by: z
    .string()
    .max(SEARCH_FIELD_MAX_CHARS, `sort_by must be at most ${SEARCH_FIELD_MAX_CHARS} characters`)
    .default('created_at'),
  sort_order: z.enum(['asc', 'desc'], { error: 'sort_order must be "asc" or "desc"' }).default('desc'),
  page: z.number({ error: 'page must be an integer >= 1' }).int().min(1, 'page must be an integer >= 1').default(1),
  page_size: z
    .number({ error: 'page_size must be an integer between 1 and 100' })
    .int()
    .min(1, 'page_size must be an integer between 1 and 100')
    .max(SEARCH_PAGE_SIZE.max, 'page_size must be an integer between 1 and 100')
    .default(SEARCH_PAGE_SIZE.default),
});
export type FileSearchBody = z.infer<typeof fileSearchBodySchema>;

export const fileSearchHitSchema = z.object({
  object_key: z.string(),
  filename: z.string(),
  content_type: z.string(),
  size: z.number(),
  folder: z.string(),
  created_at: z.string(),
  url: z.string(),
  metadata: z.record(z.string(), z.unknown()),
});
export type FileSearchHit = z.infer<typeof fileSearchHitSchema>;

export const fileSearchResultSchema = z.object({
  files: z.array(fileSearchHitSchema),
  total: z.number().int(),
  page: z.number().int(),
  page_size: z.number().int(),
  total_pages: z.number().int(),
});
export type FileSearchResult = z.infer<typeof fileSearchResultSchema>;
