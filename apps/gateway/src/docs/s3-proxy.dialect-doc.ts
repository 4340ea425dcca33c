import {
  s3DeleteResultSchema,
  s3FileListSchema,
  s3ListQuerySchema,
  s3UploadResultSchema,
  storageUsageSchema,
} from '@mp/contracts';
import { z } from 'zod';
import type { DialectDoc } from './openapi-operations';

const keyParam = z.object({
  key: z
    .string()
    .meta({
      description:
        'The object key, slashes included (e.g. `folder/myfile.txt`): 1–1024 bytes, relative, no `.`/`..`/empty segments, no control characters.',
    }),
});

/** Seed 002's S3 storage proxy: files behind a per-key storage quota. */
export const S3_PROXY_DOC: DialectDoc = {
  id: 's3-proxy',
  title: 'S3 Storage proxy (seed 002)',
  description:
    'Upload, list, download and delete files through the gateway with a storage quota per `kikaku_s3` key. Bytes stream through without being buffered; each key sees only its own files. Errors: `{"error": {"code", "message"}}` — 400 InvalidParameter, 401 invalid/missing key, 403 wrong key kind or quota exceeded, 404 file not found, 429 rate limit exceeded (per key, with `Retry-After`; see `X-RateLimit-*` headers).',
  security: { name: 'S3Key', scheme: { type: 'http', scheme: 'bearer', description: 'A `kikaku_s3_…` key' } },
  errorExample: {
    error: {
      code: 'QuotaExceeded',
      message:
        "Storage quota exceeded: the upload needs more than the 40000 bytes remaining of this key's 100000-byte quota",
    },
  },
  operations: [
    {
      method: 'post',
      path: '/s3/upload',
      summary: 'Upload a file',
      description:
        'multipart/form-data with the file in `file` and optionally `key` (else the file name is the key), in either order. An existing key is replaced. Over quota → 403 QuotaExceeded, nothing stored.',
      body: z.object({
        file: z.string().meta({ format: 'binary' }),
        key: z.string().optional().meta({ description: 'Custom path, e.g. `folder/myfile.txt`' }),
      }),
      bodyContentType: 'multipart/form-data',
      response: s3UploadResultSchema,
      status: 200,
    },
    {
      method: 'get',
      path: '/s3/files',
      summary: 'List files',
      description:
        'In key order; `prefix` narrows, `limit` (1–1000, default 100) pages, `cursor` is `next_cursor` of the previous page.',
      query: s3ListQuerySchema,
      response: s3FileListSchema,
      status: 200,
    },
    {
      method: 'get',
      path: '/s3/files/{key}',
      summary: 'Download a file',
      description: 'The bytes, streamed, with the stored Content-Type and Content-Length.',
      params: keyParam,
      response: z.string().meta({ format: 'binary' }),
      responseContentType: 'application/octet-stream',
      status: 200,
    },
    {
      method: 'delete',
      path: '/s3/files/{key}',
      summary: 'Delete a file (its size is given back to the quota)',
      params: keyParam,
      response: s3DeleteResultSchema,
      status: 200,
    },
    {
      method: 'get',
      path: '/s3/usage',
      summary: 'Storage quota and usage of the key',
      response: storageUsageSchema,
      status: 200,
    },
  ],
};
