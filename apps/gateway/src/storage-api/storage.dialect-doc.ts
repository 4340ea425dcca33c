import {
  createUploadUrlBodySchema,
  deleteFileQuerySchema,
  deleteFileResultSchema,
  fileDistinctParamsSchema,
  fileDistinctResultSchema,
  fileSearchBodySchema,
  fileSearchResultSchema,
  searchSchemaResultSchema,
  updateFileMetadataBodySchema,
  updateFileMetadataResultSchema,
  uploadUrlResponseSchema,
} from '@mp/contracts';
import type { DialectDoc } from '../docs/dialect-doc';

/** Seed 000's storage API: presigned uploads, search, metadata updates, deletes. */
export const STORAGE_DOC: DialectDoc = {
  title: 'Storage API (files, search)',
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
        'Every field accepted in search `filters` and `sort_by`, with its type (keyword, text, date, long, double, boolean) and whether it holds an array. Custom metadata is searched as `metadata.<key>`.',
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
  ],
};
