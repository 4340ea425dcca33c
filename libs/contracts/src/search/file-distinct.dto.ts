import { z } from 'zod';

/** Field types of the search schema (seed 000, `GET /v1/files/storage/schema/fields`). */
export const SEARCH_FIELD_TYPES = ['keyword', 'text', 'date', 'long', 'double', 'boolean'] as const;
export type SearchFieldType = (typeof SEARCH_FIELD_TYPES)[number];

/** Most distinct values one request can return. */
export const DISTINCT_VALUES_MAX = 1000;

/** Path parameters of `GET /v1/files/storage/distinct/{field}`. */
export const fileDistinctParamsSchema = z.object({
  field: z
    .string({ error: 'field is required' })
    .min(1, 'field is required')
    .max(200, 'field must be at most 200 characters'),
});
export type FileDistinctParams = z.infer<typeof fileDistinctParamsSchema>;

/** Response of `GET /v1/files/storage/distinct/{field}`. */
export const fileDistinctResultSchema = z.object({
  field: z.string(),
  values: z.array(z.union([z.string(), z.number(), z.boolean()])),
  count: z.number().int().nonnegative(),
});
export type FileDistinctResult = z.infer<typeof fileDistinctResultSchema>;

export const searchSchemaFieldSchema = z.object({
  name: z.string(),
  type: z.enum(SEARCH_FIELD_TYPES),
  searchable: z.boolean(),
  array: z.boolean(),
});
export type SearchSchemaField = z.infer<typeof searchSchemaFieldSchema>;

/** Response of `GET /v1/files/storage/schema/fields`. */
export const searchSchemaResultSchema = z.object({
  fields: z.array(searchSchemaFieldSchema),
  total_fields: z.number().int(),
});
export type SearchSchemaResult = z.infer<typeof searchSchemaResultSchema>;
