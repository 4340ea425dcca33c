import {
  setStorageLimitBodySchema,
  storageUsageSchema,
  apiKeySummarySchema,
  createApiKeyBodySchema,
  createdApiKeySchema,
  createTeamBodySchema,
  createUploadUrlBodySchema,
  createUserBodySchema,
  deleteFileQuerySchema,
  deleteFileResultSchema,
  fileDistinctParamsSchema,
  fileDistinctResultSchema,
  fileSearchBodySchema,
  fileSearchResultSchema,
  searchSchemaResultSchema,
  teamSchema,
  updateFileMetadataBodySchema,
  updateFileMetadataResultSchema,
  uploadUrlResponseSchema,
  userSchema,
} from '@mp/contracts';
import { z } from 'zod';
import { IMAGE_DOC } from '../image-api/image.dialect-doc';
import { MEDIA_API_DOC } from './media-api.dialect-doc';
import { S3_PROXY_DOC } from './s3-proxy.dialect-doc';

export interface OperationDoc {
  method: 'get' | 'post' | 'patch' | 'delete' | 'put';
  path: string;
  summary: string;
  description?: string;
  body?: z.ZodType;
  /** Media type of `body` when it is not JSON (e.g. multipart/form-data). */
  bodyContentType?: string;
  /** Path parameters that are not UUIDs, each a property of this object schema. */
  params?: z.ZodObject;
  /** Query parameters, each a property of this object schema. */
  query?: z.ZodObject;
  response: z.ZodType;
  /** Media type of the response when it is not JSON (e.g. a file download). */
  responseContentType?: string;
  status: number;
  /** No authentication (e.g. a login route); otherwise the dialect's security scheme applies. */
  public?: boolean;
  /** The success answer is a redirect: documented with its `Location` header instead of a body. */
  redirect?: boolean;
}

export interface DialectDoc {
  id: string;
  title: string;
  description: string;
  security: { name: string; scheme: Record<string, unknown> };
  errorExample: unknown;
  operations: OperationDoc[];
}

const teamPath = '/admin/v1/teams/{teamId}';

/** The documented surface of each dialect; each schema is the one the route validates with. */
export const DIALECT_DOCS: DialectDoc[] = [
  {
    id: 'storage',
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
  },
  {
    id: 'admin',
    title: 'Admin API (tenancy)',
    description: 'Teams, users and API keys. Plaintext keys are returned once, at creation.',
    security: {
      name: 'AdminToken',
      scheme: { type: 'http', scheme: 'bearer', description: 'The ADMIN_TOKEN of the deployment' },
    },
    errorExample: { error: { code: 'TeamNotFound', message: 'Team not found', details: {} } },
    operations: [
      {
        method: 'post',
        path: '/admin/v1/teams',
        summary: 'Create a team',
        body: createTeamBodySchema,
        response: teamSchema,
        status: 201,
      },
      {
        method: 'get',
        path: '/admin/v1/teams',
        summary: 'List teams',
        response: z.object({ teams: z.array(teamSchema) }),
        status: 200,
      },
      { method: 'get', path: teamPath, summary: 'Get a team', response: teamSchema, status: 200 },
      {
        method: 'post',
        path: `${teamPath}/users`,
        summary: 'Create a user',
        body: createUserBodySchema,
        response: userSchema,
        status: 201,
      },
      {
        method: 'get',
        path: `${teamPath}/users`,
        summary: 'List users',
        response: z.object({ users: z.array(userSchema) }),
        status: 200,
      },
      {
        method: 'post',
        path: `${teamPath}/api-keys`,
        summary: 'Create an API key (plaintext shown once)',
        body: createApiKeyBodySchema,
        response: createdApiKeySchema,
        status: 201,
      },
      {
        method: 'get',
        path: `${teamPath}/api-keys`,
        summary: 'List API keys',
        response: z.object({ keys: z.array(apiKeySummarySchema) }),
        status: 200,
      },
      {
        method: 'delete',
        path: `${teamPath}/api-keys/{keyId}`,
        summary: 'Revoke an API key',
        response: apiKeySummarySchema,
        status: 200,
      },
      {
        method: 'get',
        path: `${teamPath}/api-keys/{keyId}/storage-quota`,
        summary: 'Storage quota of a kikaku_s3 key (S3 proxy)',
        response: storageUsageSchema,
        status: 200,
      },
      {
        method: 'put',
        path: `${teamPath}/api-keys/{keyId}/storage-quota`,
        summary: 'Set a kikaku_s3 key’s storage limit in bytes (null = deployment default)',
        body: setStorageLimitBodySchema,
        response: storageUsageSchema,
        status: 200,
      },
    ],
  },
  S3_PROXY_DOC,
  IMAGE_DOC,
  MEDIA_API_DOC,
];
