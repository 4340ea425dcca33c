import {
  createPredictionBodySchema,
  createUploadUrlBodySchema,
  deleteFileQuerySchema,
  deleteFileResultSchema,
  fileDistinctParamsSchema,
  fileDistinctResultSchema,
  fileSearchBodySchema,
  fileSearchResultSchema,
  predictionSchema,
  searchSchemaResultSchema,
  updateFileMetadataBodySchema,
  updateFileMetadataResultSchema,
  uploadUrlResponseSchema,
} from '@mp/contracts';
import { z } from 'zod';
import type { DialectDoc } from '../docs/dialect-doc';

const jobParams = z.object({ job_id: z.uuid() });

/** Seed 000's storage API: presigned uploads, search, metadata updates, deletes; and its predictions. */
export const STORAGE_DOC: DialectDoc = {
  title: 'Storage API (files, search, predictions)',
  description:
    'Presigned uploads with custom metadata and file search. Clients written for the core.today storage API work by changing the base URL and the key.',
  security: {
    name: 'ApiKey',
    scheme: { type: 'apiKey', in: 'header', name: 'X-API-Key', description: 'A `cdt_…` key' },
  },
  errorExample: {
    detail: 'folder: folder must not contain "." or ".." segments',
    error: { code: 'ValidationFailed', message: '…', details: {} },
  },
  operations: [
    {
      method: 'post',
      path: '/v1/files/upload-url',
      summary: 'Issue a presigned POST upload',
      description:
        'Registers the file (pending, with its metadata) and returns the fields to POST to `upload_url`, `file` last. The platform verifies the object after upload (≤ 50 MB, content type from the bytes) and indexes it.',
      body: createUploadUrlBodySchema,
      response: uploadUrlResponseSchema,
      status: 200,
    },
    {
      method: 'post',
      path: '/v1/files/storage/search',
      summary: 'Search files',
      description: 'Filters on indexed fields; sorted and paged. Only the caller team’s files.',
      body: fileSearchBodySchema,
      response: fileSearchResultSchema,
      status: 200,
    },
    {
      method: 'get',
      path: '/v1/files/storage/distinct/{field}',
      summary: 'Distinct values of a field',
      params: fileDistinctParamsSchema,
      description:
        'The values of `field` over the caller team’s live files, ascending (at most 1000); array fields (`tags`, `labels`) contribute each element. Supported: folder, content_type, extension, category, subcategory, tags, labels, project, environment, source, source_model, model_version, status, visibility, classification_level, is_processed, is_archived, legal_hold. Any other field answers 400.',
      response: fileDistinctResultSchema,
      status: 200,
    },
    {
      method: 'get',
      path: '/v1/files/storage/schema/fields',
      summary: 'Searchable fields',
      description:
        'Every field accepted in search `filters` and `sort_by`, with its type (keyword, text, date, long, double, boolean) and whether it holds an array. Custom metadata is searched by its own key (`reviewer`) or as `metadata.<key>` (needed only when the key is also a catalog field): equality, arrays as contains-all, and `{gte,gt,lte,lt}` ranges on numbers and dates.',
      response: searchSchemaResultSchema,
      status: 200,
    },
    {
      method: 'patch',
      path: '/v1/files/storage/file/metadata',
      summary: 'Update file metadata',
      description:
        'Merges `metadata` into the file’s metadata (`null` removes a key). System fields (file_id, object_key, team_id, created_at, size, checksum, content_type, …) cannot be set; the merged metadata must stay ≤ 10 KB. Search reflects the change shortly after.',
      body: updateFileMetadataBodySchema,
      response: updateFileMetadataResultSchema,
      status: 200,
    },
    {
      method: 'delete',
      path: '/v1/files/storage/file',
      summary: 'Delete a file',
      description:
        'Query parameter `object_key` (required). Deletes the object, its record and its index entry permanently. Another team’s key answers 404; a file with `legal_hold: true` answers 409 `LegalHold`.',
      query: deleteFileQuerySchema,
      response: deleteFileResultSchema,
      status: 200,
    },
    {
      method: 'post',
      path: '/v1/predictions',
      summary: 'Create a prediction',
      description:
        'Queues a job of `model` (`flux-kontext-pro`, `seedream-4.5`, `seedream-4.0` when the deployment has a provider for them; any other model answers 400 `ModelNotAvailable` naming the available ones). `input.prompt` is required; `input.image_url` (or `input.image`) is an optional reference: a `file_url` of `/v1/files/upload-url` is read from our storage directly, any other URL is downloaded through the SSRF guard. `input.size` (a preset or `WIDTHxHEIGHT`) and `input.watermark` are optional. 201 with the job; `Prefer: wait[=N]` (N ≤ 60) answers once it finished or after N seconds; `Idempotency-Key` (same body within 24 h → the same job, 200; another body → 409). `webhook` receives `prediction.start` and `prediction.completed` (the prediction as body, signed like every callback), filtered by `webhook_events_filter`.',
      body: createPredictionBodySchema,
      response: predictionSchema,
      status: 201,
    },
    {
      method: 'get',
      path: '/v1/predictions/{job_id}',
      summary: 'Get a prediction',
      description:
        'Status `queued` (with `queue_position`), `processing`, `completed` (`result`: a signed URL of the output JPEG, valid 7 days), `failed` (`error`) or `canceled`. `Prefer: wait[=N]` waits for it to finish. Another team’s job answers 404, a malformed id 400.',
      params: jobParams,
      response: predictionSchema,
      status: 200,
    },
    {
      method: 'post',
      path: '/v1/predictions/{job_id}/cancel',
      summary: 'Cancel a prediction',
      description:
        'A queued or processing job becomes `canceled` (its result, if the provider still delivers one, is dropped); a finished one is answered unchanged.',
      params: jobParams,
      response: predictionSchema,
      status: 200,
    },
  ],
};
