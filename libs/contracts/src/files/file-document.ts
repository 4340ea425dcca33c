import { z } from 'zod';

export const FILE_SOURCES = ['upload', 'prediction'] as const;
export const FILE_STATUSES = ['pending', 'active', 'rejected', 'archived', 'deleted'] as const;

/**
 * The searchable document of one file: the seed's indexed fields plus free-form custom metadata.
 * Produced by `files`, indexed by `search-indexer`. Nullable fields are unknown for that file.
 */
export const fileDocumentSchema = z.object({
  file_id: z.string(),
  object_key: z.string(),
  filename: z.string(),
  team_id: z.string(),
  user_id: z.string().nullable(),
  created_at: z.string(),
  updated_at: z.string(),
  expires_at: z.string().nullable(),
  source: z.enum(FILE_SOURCES),
  source_job_id: z.string().nullable(),
  source_model: z.string().nullable(),
  upload_ip: z.string().nullable(),
  content_type: z.string(),
  size: z.number().int().nonnegative(),
  extension: z.string().nullable(),
  folder: z.string(),
  checksum: z.string().nullable(),
  category: z.string().nullable(),
  subcategory: z.string().nullable(),
  tags: z.array(z.string()),
  labels: z.array(z.string()),
  project: z.string().nullable(),
  environment: z.string().nullable(),
  status: z.string(),
  visibility: z.string().nullable(),
  is_processed: z.boolean(),
  is_archived: z.boolean(),
  width: z.number().int().nullable(),
  height: z.number().int().nullable(),
  duration: z.number().nullable(),
  frame_count: z.number().int().nullable(),
  sample_rate: z.number().int().nullable(),
  bit_depth: z.number().int().nullable(),
  prompt: z.string().nullable(),
  negative_prompt: z.string().nullable(),
  seed: z.number().int().nullable(),
  steps: z.number().int().nullable(),
  cfg_scale: z.number().nullable(),
  model_version: z.string().nullable(),
  retention_days: z.number().int().nullable(),
  legal_hold: z.boolean(),
  classification_level: z.string().nullable(),
  metadata: z.record(z.string(), z.unknown()),
});
export type FileDocument = z.infer<typeof fileDocumentSchema>;
