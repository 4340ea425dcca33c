import { z } from 'zod';
import {
  flag,
  imageCallbackUrlSchema,
  imagePathSchema,
  operationIdList,
  page,
  rows,
  sort,
  splitCommaList,
} from './image-params';

/** Image API folders, uploads, deletes and the app's user switch: request schemas. */

export const createImageFolderBodySchema = z.object({ path: imagePathSchema });
export type CreateImageFolderBody = z.infer<typeof createImageFolderBodySchema>;

export const listImageFolderQuerySchema = z.object({
  basepath: imagePathSchema,
  createdBy: z.enum(['', 'U', 'P'], { error: 'createdBy must be U or P' }).optional(),
  name: z
    .string()
    .max(255, 'name must be 2 to 255 bytes')
    .refine((n) => Buffer.byteLength(n) >= 2 && Buffer.byteLength(n) <= 255, 'name must be 2 to 255 bytes')
    .optional(),
  page,
  rows: rows(100),
  sort: sort('name:asc'),
});
export type ListImageFolderQuery = z.infer<typeof listImageFolderQuerySchema>;

export const imageFolderPropertiesQuerySchema = z.object({ path: imagePathSchema });

export const singleImageUploadQuerySchema = z.object({
  path: imagePathSchema,
  overwrite: flag.default(false),
  autorename: flag.default(false),
  operationIds: operationIdList.default([]),
});
export type SingleImageUploadQuery = z.infer<typeof singleImageUploadQuerySchema>;

export const multiImageUploadParamsSchema = z.object({
  basepath: imagePathSchema,
  overwrite: flag.default(false),
  autorename: flag.default(false),
  operationIds: operationIdList.default([]),
  callbackUrl: imageCallbackUrlSchema.optional(),
});
export type MultiImageUploadParams = z.infer<typeof multiImageUploadParamsSchema>;

const imageIdSchema = (field: string) =>
  z
    .string({ error: `${field} must be a string` })
    .min(1, `${field} must not be empty`)
    .max(50, `${field} must be at most 50 characters`);
/** `a,b,c` or a repeated parameter. */
const imageIdList = (field: string) =>
  z.preprocess(
    splitCommaList,
    z
      .array(imageIdSchema(field), { error: `${field} must be a comma-separated list` })
      .max(1000, `${field}: at most 1000 ids`),
  );

/** Seed: `DELETE …/images/sync` — one folder (with everything below) or one file. */
export const deleteImageSyncQuerySchema = z
  .object({
    folderId: imageIdSchema('folderId').optional(),
    fileId: imageIdSchema('fileId').optional(),
    includeThumbnail: flag.default(false),
  })
  .refine((q) => q.folderId !== undefined || q.fileId !== undefined, {
    message: 'folderId or fileId is required',
    path: ['fileId'],
  });
export type DeleteImageSyncQuery = z.infer<typeof deleteImageSyncQuerySchema>;

/**
 * Seed: `DELETE …/images/async` — folders and files, removed by a queue item (type `delete`). The
 * seed's curl sends `fileIds`, its field table names it `files`: both are accepted.
 */
export const deleteImageAsyncQuerySchema = z
  .object({
    folderIds: imageIdList('folderIds').default([]),
    fileIds: imageIdList('fileIds').default([]),
    files: imageIdList('files').default([]),
    includeThumbnail: flag.default(false),
  })
  .refine((q) => q.folderIds.length + q.fileIds.length + q.files.length > 0, {
    message: 'folderIds or fileIds is required',
    path: ['fileIds'],
  });
export type DeleteImageAsyncQuery = z.infer<typeof deleteImageAsyncQuerySchema>;

/** Seed: `PUT …/users` (the realtime service switch). */
export const putImageUserBodySchema = z.object({
  realtimeService: z.boolean({ error: 'realtimeService must be true or false' }),
});
export type PutImageUserBody = z.infer<typeof putImageUserBodySchema>;

export const imageUserSchema = z.object({
  appKey: z.string(),
  containerName: z.string(),
  realtimeService: z.boolean(),
});
