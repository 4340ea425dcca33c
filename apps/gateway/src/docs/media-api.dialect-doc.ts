import {
  accessTokenSchema,
  bulkUploadErrorsSchema,
  bulkUploadTaskSchema,
  createBulkUploadQuerySchema,
  detachMediaResultSchema,
  effectiveExportConfigurationSchema,
  exportConfigurationCreateSchema,
  exportConfigurationSchema,
  exportConfigurationUpdateSchema,
  ingestMediaBodySchema,
  ingestMediaResultSchema,
  listBulkUploadsQuerySchema,
  listMediaAttachmentsQuerySchema,
  loginFormSchema,
  loraUploadResponseSchema,
  mediaAttachmentListSchema,
  presignedUrlRequestSchema,
  presignedUrlResponseSchema,
  SERVE_FORMATS,
} from '@mp/contracts';
import { z } from 'zod';
import type { OperationDoc, DialectDoc } from './openapi-operations';

const deleted = z.object({ message: z.string() });
const filePathParam = z.object({
  file_path: z
    .string()
    .meta({
      description:
        'The object key, slashes included (e.g. `temp/<id>_<ts>_photo.jpg` or `media/<resource_id>/file.jpg`).',
    }),
});
const serveQuery = z.object({
  type: z
    .enum(SERVE_FORMATS)
    .optional()
    .meta({
      description:
        'Convert to this format (quality 90). The variant is made once and cached; later requests redirect to it without converting. Another value → 400.',
    }),
});

/** GET/POST/PATCH/DELETE of one export-configuration owner (`me`, `{user_id}`, `organizations/{org_id}`). */
function exportConfigurationRoutes(path: string, whose: string): OperationDoc[] {
  return [
    {
      method: 'get',
      path,
      summary: `Get ${whose} export configuration`,
      description: '404 when none exists.',
      response: exportConfigurationSchema,
      status: 200,
    },
    {
      method: 'post',
      path,
      summary: `Create ${whose} export configuration`,
      description:
        'Body optional; defaults `metadata_adapter: default`, `image_format: webp`. 400 when one already exists.',
      body: exportConfigurationCreateSchema,
      response: exportConfigurationSchema,
      status: 200,
    },
    {
      method: 'patch',
      path,
      summary: `Update ${whose} export configuration`,
      description: 'Only the fields sent change. 404 when none exists.',
      body: exportConfigurationUpdateSchema,
      response: exportConfigurationSchema,
      status: 200,
    },
    {
      method: 'delete',
      path,
      summary: `Delete ${whose} export configuration`,
      description: '404 when none exists.',
      response: deleted,
      status: 200,
    },
  ];
}

/** Seed 003's media API (FastAPI-style): OAuth2 password login, presigned PUT, file serving, export configuration, media resources, products bulk upload. */
export const MEDIA_API_DOC: DialectDoc = {
  id: 'media',
  title: 'Media API (seed 003)',
  description:
    'Bearer tokens from the OAuth2 password flow (`POST /api/v1/login/access-token`). Errors are FastAPI-shaped: `{"detail": "message"}`, or for request validation HTTP 422 `{"detail": [{"loc", "msg", "type"}]}`; a duplicate create answers 400, a missing record 404, a missing/expired token 401, a forbidden resource 403.',
  security: {
    name: 'OAuth2Password',
    scheme: { type: 'oauth2', flows: { password: { tokenUrl: '/api/v1/login/access-token', scopes: {} } } },
  },
  errorExample: {
    detail: [{ loc: ['body', 'content_type'], msg: 'content_type must be one of image/jpeg, …', type: 'value_error' }],
  },
  operations: [
    {
      method: 'post',
      path: '/api/v1/login/access-token',
      summary: 'Log in (OAuth2 password flow)',
      description: 'Form fields `username` (e-mail) and `password`. Wrong credentials or an inactive user → 400.',
      body: loginFormSchema,
      bodyContentType: 'application/x-www-form-urlencoded',
      response: accessTokenSchema,
      status: 200,
      public: true,
    },
    {
      method: 'post',
      path: '/api/v1/uploads/presigned-url',
      summary: 'Issue a presigned PUT upload URL',
      description:
        'PUT the bytes to `upload_url` with the same `Content-Type` (it is signed). The object lands at `temp/{file_id}_{timestamp}_{safe_filename}` and is verified after upload (≤ 50 MB, content type from the bytes). `expires_in_seconds` is 15 minutes, longer for a large `file_size`.',
      body: presignedUrlRequestSchema,
      response: presignedUrlResponseSchema,
      status: 200,
    },
    {
      method: 'post',
      path: '/api/v1/uploads/admin/upload-lora',
      summary: 'Upload a LoRA model file (superuser only)',
      description:
        'Deprecated in the seed. multipart/form-data with the model in `file`, streamed to `loras/{team_id}/{uuid}_{safe_filename}`. Not a superuser → 403; over 50 MB → 413; no `file` part → 422.',
      body: z.object({ file: z.string().meta({ format: 'binary' }) }),
      bodyContentType: 'multipart/form-data',
      response: loraUploadResponseSchema,
      status: 200,
    },
    {
      method: 'get',
      path: '/files/{file_path}',
      summary: 'Serve a file (302 to the object or to its converted variant)',
      description:
        'No authentication. Missing file → 404; unknown `type` → 400. A variant response carries `X-Variant-Cache: hit|miss`.',
      params: filePathParam,
      query: serveQuery,
      response: z.null(),
      status: 302,
      redirect: true,
      public: true,
    },
    ...exportConfigurationRoutes('/api/v1/users/me/export-configuration', 'my'),
    {
      method: 'get',
      path: '/api/v1/users/me/export-configuration/effective',
      summary: 'Effective export configuration',
      description:
        'Resolution order: the organisation’s (with `organization_id`, as a member) → the user’s → the system default (webp, default adapter).',
      query: z.object({ organization_id: z.uuid().optional() }),
      response: effectiveExportConfigurationSchema,
      status: 200,
    },
    ...exportConfigurationRoutes(
      '/api/v1/users/{user_id}/export-configuration',
      "a user's (self, or any as superuser)",
    ),
    ...exportConfigurationRoutes(
      '/api/v1/users/organizations/{org_id}/export-configuration',
      "an organisation's (members, or superuser)",
    ),
    {
      method: 'post',
      path: '/api/v1/media-resources/ingest',
      summary: 'Ingest temp uploads as media resources of an entity',
      description:
        'Each URL (or `temp/…` key) is hashed; identical bytes reuse one resource per team (the temp object is deleted), new ones move to `media/{resource_id}/file.{ext}`. Each becomes an attachment of the entity.',
      body: ingestMediaBodySchema,
      response: ingestMediaResultSchema,
      status: 200,
    },
    {
      method: 'get',
      path: '/api/v1/media-resources/attachments',
      summary: "An entity's attachments",
      query: listMediaAttachmentsQuerySchema,
      response: mediaAttachmentListSchema,
      status: 200,
    },
    {
      method: 'delete',
      path: '/api/v1/media-resources/attachments/{attachment_id}',
      summary: 'Detach a media resource from its entity',
      response: detachMediaResultSchema,
      status: 200,
    },
    {
      method: 'post',
      path: '/api/v1/products/bulk-upload/',
      summary: 'Bulk-create products from a ZIP',
      description:
        'multipart/form-data with the archive in `file`: one CSV of product rows and one folder per SKU with a cover image and optional extra images. Processed in the background; poll the task. Zip-slip entries and zip bombs fail the task with the reason in `error_message`.',
      query: createBulkUploadQuerySchema,
      body: z.object({ file: z.string().meta({ format: 'binary' }) }),
      bodyContentType: 'multipart/form-data',
      response: bulkUploadTaskSchema,
      status: 200,
    },
    {
      method: 'get',
      path: '/api/v1/products/bulk-upload/',
      summary: 'List bulk upload tasks',
      query: listBulkUploadsQuerySchema,
      response: z.array(bulkUploadTaskSchema),
      status: 200,
    },
    {
      method: 'get',
      path: '/api/v1/products/bulk-upload/{task_id}',
      summary: 'Get a bulk upload task (counters and per-SKU results)',
      response: bulkUploadTaskSchema,
      status: 200,
    },
    {
      method: 'get',
      path: '/api/v1/products/bulk-upload/{task_id}/errors',
      summary: 'Get upload errors for a job',
      description:
        'The FAILED rows of the task (CSV order, with reasons) and `error_message` when the whole archive was refused (zip-slip, zip bomb, no CSV, …). Another user’s task → 404.',
      response: bulkUploadErrorsSchema,
      status: 200,
    },
  ],
};
