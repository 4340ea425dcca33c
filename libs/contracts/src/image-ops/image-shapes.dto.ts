import { z } from 'zod';

/** Public shapes (dates as `2016-02-26T15:57:06+0900`). */
export const imageQueueSchema = z.object({
  queueId: z.string(),
  queueType: z.enum(['image', 'delete']),
  status: z.enum(['W', 'P', 'D', 'F']),
  tryCount: z.number(),
  queuedAt: z.string(),
  operationId: z.string(),
  url: z.string(),
  name: z.string(),
  path: z.string(),
});
export type ImageQueue = z.infer<typeof imageQueueSchema>;

export const imageFolderSchema = z.object({
  isFolder: z.literal(true),
  id: z.string(),
  name: z.string(),
  path: z.string(),
  updatedAt: z.string(),
});
export type ImageFolder = z.infer<typeof imageFolderSchema>;

export const imageFileSchema = z.object({
  isFolder: z.literal(false),
  id: z.string(),
  url: z.string(),
  name: z.string(),
  path: z.string(),
  bytes: z.number(),
  createdBy: z.enum(['U', 'P']),
  updatedAt: z.string(),
  operationId: z.string(),
  imageProperty: z.object({
    width: z.number(),
    height: z.number(),
    createdAt: z.string(),
    coordinate: z.object({ lat: z.number().nullable(), lng: z.number().nullable() }),
  }),
  queues: z.array(imageQueueSchema),
});
export type ImageFile = z.infer<typeof imageFileSchema>;

export const imageFolderPropertiesSchema = imageFolderSchema.extend({
  bytes: z.number(),
  totalFolderCount: z.number(),
  totalFileCount: z.number(),
});

export const imageFolderListSchema = z.object({
  paging: z.object({ page: z.number(), rows: z.number(), totalFolderCount: z.number(), totalFileCount: z.number() }),
  folders: z.array(imageFolderSchema),
  files: z.array(imageFileSchema),
});
export type ImageFolderList = z.infer<typeof imageFolderListSchema>;

export const imageOperationSchema = z.object({
  appKey: z.string(),
  operationId: z.string(),
  description: z.string(),
  realtimeService: z.boolean(),
  updatedAt: z.string(),
  jobTemplate: z.array(
    z.object({ templateOperationId: z.string(), jobType: z.string(), option: z.record(z.string(), z.unknown()) }),
  ),
});
export type ImageOperation = z.infer<typeof imageOperationSchema>;

export const imageUploadErrorSchema = z.object({
  path: z.string().max(1024),
  bytes: z.number(),
  error: z.object({ resultCode: z.number(), resultMessage: z.string().max(2000) }),
});
export type ImageUploadError = z.infer<typeof imageUploadErrorSchema>;
