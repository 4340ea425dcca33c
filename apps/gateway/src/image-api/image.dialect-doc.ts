import {
  createImageFolderBodySchema,
  deleteImageAsyncQuerySchema,
  deleteImageOperationQuerySchema,
  deleteImageSyncQuerySchema,
  execImageOperationsBodySchema,
  imageFileSchema,
  imageFolderListSchema,
  imageFolderPropertiesQuerySchema,
  imageFolderPropertiesSchema,
  imageFolderSchema,
  imageOperationIdSchema,
  imageOperationSchema,
  imageQueueIdSchema,
  imageQueueSchema,
  imageUploadErrorSchema,
  imageUserSchema,
  listImageFolderQuerySchema,
  listImageOperationsQuerySchema,
  multiImageUploadParamsSchema,
  putImageOperationBodySchema,
  putImageUserBodySchema,
  singleImageUploadQuerySchema,
} from '@mp/contracts';
import { z } from 'zod';
import type { DialectDoc, OperationDoc } from '../docs/dialect-doc';

const header = z.object({ isSuccessful: z.boolean(), resultCode: z.number().int(), resultMessage: z.string() });
/** Every answer: HTTP 200 and a `header`; on failure only the header (`isSuccessful: false`). */
const answer = (shape: z.ZodRawShape = {}) => z.object({ header, ...shape });

const prefix = '/image/v2.0/appkeys/{appKey}';
const appKey = z.object({
  appKey: z.string().meta({ description: 'The app key (the secret key goes in `Authorization`)' }),
});
const withOperation = appKey.extend({ operationId: imageOperationIdSchema });
const withQueue = appKey.extend({ queueId: imageQueueIdSchema });

const op = (o: Omit<OperationDoc, 'status' | 'params'> & { params?: z.ZodObject }): OperationDoc => ({
  params: appKey,
  status: 200,
  ...o,
  path: `${prefix}${o.path}`,
});

/** Seed 001's image API: folders, uploads, deletes, operations, async execution, realtime service, queue items. */
export const IMAGE_DOC: DialectDoc = {
  title: 'Image API (seed 001)',
  description:
    'Folders, image uploads, deletes, image operations (resize, gray, crops, slice, grid, watermark), asynchronous execution and the realtime service. Every answer is HTTP 200 with `header.isSuccessful`/`resultCode`/`resultMessage` (resultCodes: docs/compat/image-api.md). Public image URLs `/image/files/{appKey}/{path}` are served without credentials, with ETag and Cache-Control.',
  security: {
    name: 'ImageSecretKey',
    scheme: {
      type: 'apiKey',
      in: 'header',
      name: 'Authorization',
      description: 'The secret key of the app key in the path',
    },
  },
  errorExample: {
    header: { isSuccessful: false, resultCode: 404, resultMessage: 'Please check your API Url, HTTP Method.' },
  },
  operations: [
    op({
      method: 'post',
      path: '/folders',
      summary: 'Create a folder (parents too)',
      body: createImageFolderBodySchema,
      response: answer({ folder: imageFolderSchema }),
    }),
    op({
      method: 'get',
      path: '/folders',
      summary: 'List a folder (folders, then files)',
      query: listImageFolderQuerySchema,
      response: answer(imageFolderListSchema.shape),
    }),
    op({
      method: 'get',
      path: '/properties',
      summary: 'Folder properties (bytes, folder and file counts)',
      query: imageFolderPropertiesQuerySchema,
      response: answer({ folder: imageFolderPropertiesSchema }),
    }),
    op({
      method: 'put',
      path: '/images',
      summary: 'Upload one image (raw body)',
      description:
        'Content-Type `application/octet-stream` or `image/*`. Same name: 20010 unless `overwrite` or `autorename` (`name(1).ext`).',
      query: singleImageUploadQuerySchema,
      body: z.string().meta({ format: 'binary' }),
      bodyContentType: 'application/octet-stream',
      response: answer({ file: imageFileSchema }),
    }),
    op({
      method: 'post',
      path: '/images',
      summary: 'Upload several images (multipart)',
      description:
        '`params` (JSON string) and one or more `files`; per-file `successes` and `errors`. `callbackUrl` receives the result ("Success", "Partial Success", "Fail").',
      body: z.object({ params: multiImageUploadParamsSchema, files: z.array(z.string().meta({ format: 'binary' })) }),
      bodyContentType: 'multipart/form-data',
      response: answer({ errors: z.array(imageUploadErrorSchema), successes: z.array(imageFileSchema) }),
    }),
    op({
      method: 'delete',
      path: '/images/sync',
      summary: 'Delete one folder (with everything below) or one file',
      query: deleteImageSyncQuerySchema,
      response: answer(),
    }),
    op({
      method: 'delete',
      path: '/images/async',
      summary: 'Delete folders and files asynchronously (a `delete` queue item)',
      query: deleteImageAsyncQuerySchema,
      response: answer({ queue: imageQueueSchema }),
    }),
    op({
      method: 'put',
      path: '/operations/{operationId}',
      summary: 'Create or update an operation',
      params: withOperation,
      body: putImageOperationBodySchema,
      response: answer({ operation: imageOperationSchema }),
    }),
    op({
      method: 'get',
      path: '/operations',
      summary: 'List operations (or the built-in templates with `template=true`)',
      query: listImageOperationsQuerySchema,
      response: answer({
        paging: z.object({ page: z.number(), rows: z.number(), totalCount: z.number() }),
        operations: z.array(imageOperationSchema),
      }),
    }),
    op({
      method: 'get',
      path: '/operations/{operationId}',
      summary: 'Get an operation',
      params: withOperation,
      response: answer({ operation: imageOperationSchema }),
    }),
    op({
      method: 'delete',
      path: '/operations/{operationId}',
      summary: 'Delete an operation',
      params: withOperation,
      query: deleteImageOperationQuerySchema,
      response: answer(),
    }),
    op({
      method: 'post',
      path: '/operations-exec',
      summary: 'Run operations on files or folders (queue items W → P → D/F)',
      body: execImageOperationsBodySchema,
      response: answer({
        paging: z.object({ page: z.number(), rows: z.number(), totalCount: z.number() }),
        operations: z.array(imageOperationSchema),
        queues: z.array(imageQueueSchema),
      }),
    }),
    op({
      method: 'get',
      path: '/users',
      summary: 'Realtime service setting',
      response: answer({ user: imageUserSchema }),
    }),
    op({
      method: 'put',
      path: '/users',
      summary: 'Turn the realtime service on or off',
      body: putImageUserBodySchema,
      response: answer(),
    }),
    op({
      method: 'get',
      path: '/queues/{queueId}',
      summary: 'A queue item (operation or delete)',
      params: withQueue,
      response: answer({ queue: imageQueueSchema }),
    }),
  ],
};
