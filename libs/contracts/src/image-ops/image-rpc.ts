import { z } from 'zod';
import { imageCallbackUrlSchema, imageOperationIdSchema, imagePathSchema } from './image-params';
import {
  createImageFolderBodySchema,
  deleteImageAsyncQuerySchema,
  deleteImageSyncQuerySchema,
  imageFolderPropertiesQuerySchema,
  imageUserSchema,
  listImageFolderQuerySchema,
  putImageUserBodySchema,
} from './image-tree.dto';
import {
  execImageOperationsBodySchema,
  imageQueueIdSchema,
  listImageOperationsQuerySchema,
  putImageOperationBodySchema,
} from './image-operations.dto';
import {
  imageFileSchema,
  imageFolderListSchema,
  imageFolderPropertiesSchema,
  imageFolderSchema,
  imageOperationSchema,
  imageQueueSchema,
  imageUploadErrorSchema,
} from './image-shapes.dto';

/** RPC: every request names the team and the app key (the image "app" inside the team). */
const appScoped = { team_id: z.uuid(), app_key: z.string().min(1).max(100) };
/** A body the gateway streamed to object storage, to be verified and placed by image-ops. */
const stagedFile = z.object({
  staging_key: z.string().min(1).max(1024),
  path: imagePathSchema,
  bytes: z.number().int().min(0),
  /** A zip archive (multiple upload): its images are placed in the folder of `path`, keeping the archive's sub-folders. */
  archive: z.boolean().optional(),
});
export type StagedImageFile = z.infer<typeof stagedFile>;

export const IMAGE_RPC = {
  folderCreate: {
    request: z.object({ ...appScoped, ...createImageFolderBodySchema.shape }),
    response: z.object({ folder: imageFolderSchema }),
  },
  folderList: {
    request: z.object({ ...appScoped, ...listImageFolderQuerySchema.shape }),
    response: imageFolderListSchema,
  },
  folderProperties: {
    request: z.object({ ...appScoped, ...imageFolderPropertiesQuerySchema.shape }),
    response: z.object({ folder: imageFolderPropertiesSchema }),
  },
  fileRegister: {
    request: z.object({
      ...appScoped,
      file: stagedFile,
      overwrite: z.boolean(),
      autorename: z.boolean(),
      operationIds: z.array(imageOperationIdSchema),
    }),
    response: z.object({ file: imageFileSchema }),
  },
  filesRegister: {
    request: z.object({
      ...appScoped,
      files: z.array(stagedFile).max(1000),
      /** Files the gateway refused before staging (e.g. over the size limit). */
      refused: z.array(imageUploadErrorSchema).max(1000),
      overwrite: z.boolean(),
      autorename: z.boolean(),
      operationIds: z.array(imageOperationIdSchema),
      callbackUrl: imageCallbackUrlSchema.optional(),
    }),
    response: z.object({ errors: z.array(imageUploadErrorSchema), successes: z.array(imageFileSchema) }),
  },
  operationPut: {
    request: z.object({ ...appScoped, operationId: imageOperationIdSchema, ...putImageOperationBodySchema.shape }),
    response: z.object({ operation: imageOperationSchema }),
  },
  operationGet: {
    request: z.object({ ...appScoped, operationId: imageOperationIdSchema }),
    response: z.object({ operation: imageOperationSchema }),
  },
  operationList: {
    request: z.object({ ...appScoped, ...listImageOperationsQuerySchema.shape }),
    response: z.object({
      paging: z.object({ page: z.number(), rows: z.number(), totalCount: z.number() }),
      operations: z.array(imageOperationSchema),
    }),
  },
  operationDelete: {
    request: z.object({ ...appScoped, operationId: imageOperationIdSchema, deleteThumbnail: z.boolean() }),
    response: z.object({}),
  },
  operationsExec: {
    request: z.object({ ...appScoped, ...execImageOperationsBodySchema.shape }),
    response: z.object({ operations: z.array(imageOperationSchema), queues: z.array(imageQueueSchema) }),
  },
  queueGet: {
    request: z.object({ ...appScoped, queueId: imageQueueIdSchema }),
    response: z.object({ queue: imageQueueSchema }),
  },
  deleteSync: { request: z.object({ ...appScoped, ...deleteImageSyncQuerySchema.shape }), response: z.object({}) },
  deleteAsync: {
    request: z.object({ ...appScoped, ...deleteImageAsyncQuerySchema.shape }),
    response: z.object({ queue: imageQueueSchema }),
  },
  userGet: { request: z.object({ ...appScoped }), response: z.object({ user: imageUserSchema }) },
  userPut: { request: z.object({ ...appScoped, ...putImageUserBodySchema.shape }), response: z.object({}) },
  /**
   * A public image URL (`{base}/{appKey}{path}`, no credentials): the stored object to stream, produced
   * first by the realtime service when the path names an operation result that does not exist yet.
   */
  publicResolve: {
    request: z.object({ app_key: appScoped.app_key, path: imagePathSchema }),
    response: z.object({ object_key: z.string(), etag: z.string(), content_type: z.string(), bytes: z.number() }),
  },
} as const;
