import { z } from 'zod';
import { callbackUrlSchema } from './callbacks.dto';
import type { ErrorCode } from '../errors/error-codes';

/**
 * Image API (seed 001, `/image/v2.0/appkeys/{appKey}/…`): request schemas shared by the gateway
 * (validation of the public request) and image-ops (RPC validation), and the public shapes.
 */

/**
 * `header.resultCode`s of the image dialect that services choose themselves (sent as
 * `DomainError.details.resultCode`); the rest follow from the error code (docs/compat/image-api.md).
 */
export const IMAGE_RESULT = {
  success: { code: 0, message: 'Success' },
  partialSuccess: { code: 1, message: 'Partial Success' },
  allFailed: { code: 2, message: 'Fail' },
  sameFileName: { code: 20010, message: 'There is same file name.' },
  overUploadVolume: { code: 11004, message: 'It was exceed the max volume you can upload at once.' },
  operationFail: { code: 500201, message: 'Operation fail. ' },
  notAnImage: { code: 20020, message: 'The file is not an image, or the image is broken.' },
  tooManyPixels: { code: 20021, message: 'The image has too many pixels or frames.' },
  pathNotFound: { code: 20004, message: 'No such file or folder.' },
  folderIsFile: { code: 20011, message: 'A file exists at this path.' },
  operationNotFound: { code: 20030, message: 'No such operation.' },
  queueNotFound: { code: 20040, message: 'No such queue item.' },
  archiveRefused: { code: 20022, message: 'The zip archive was refused.' },
} as const;

const GRAVITIES = [
  'NorthWest',
  'North',
  'NorthEast',
  'West',
  'Center',
  'East',
  'SouthWest',
  'South',
  'SouthEast',
] as const;
export type ImageGravity = (typeof GRAVITIES)[number];

/** Query-string booleans (`true`/`false`), and real booleans in JSON bodies. */
const flag = z.preprocess(
  (v) => (v === 'true' ? true : v === 'false' ? false : v),
  z.boolean({ error: 'must be true or false' }),
);

/** An absolute path in an app's image tree: `/a/b.png`, 2–255 UTF-8 bytes, no `.`/`..` segments. */
export const imagePathSchema = z
  .string({ error: 'must be a string' })
  .refine((p) => Buffer.byteLength(p, 'utf8') >= 2 && Buffer.byteLength(p, 'utf8') <= 255, 'must be 2 to 255 bytes')
  .refine((p) => p.startsWith('/'), 'must be an absolute path starting with /')
  .refine((p) => !/[\u0000-\u001f\u007f\\]/.test(p), 'must not contain control characters or backslashes')
  .refine(
    (p) =>
      p
        .split('/')
        .slice(1)
        .every((s, i, all) => (s !== '' || i === all.length - 1) && s !== '.' && s !== '..'),
    'must not contain empty, . or .. segments',
  )
  .transform((p) => (p.length > 1 && p.endsWith('/') ? p.slice(0, -1) : p));

/** `operationId`: letters and digits (the seed's own samples also use `-` and `_`), 1–20 characters. */
export const imageOperationIdSchema = z
  .string({ error: 'must be a string' })
  .regex(/^[A-Za-z0-9_-]{1,20}$/, 'must be 1 to 20 letters, digits, - or _');

/** `100x100,gray` or `["100x100"]`. */
const operationIdList = z.preprocess(
  (v) =>
    typeof v === 'string'
      ? v
          .split(',')
          .map((s) => s.trim())
          .filter(Boolean)
      : v,
  z.array(imageOperationIdSchema).max(20, 'at most 20 operation ids'),
);

const page = z.coerce
  .number({ error: 'must be a number' })
  .int('must be an integer')
  .min(1, 'must be at least 1')
  .default(1);
const sort = (def: string) =>
  z
    .enum(['name:asc', 'name:desc', 'date:asc', 'date:desc'], {
      error: 'must be name:asc, name:desc, date:asc or date:desc',
    })
    .default(def as 'name:asc');

/**
 * A callback URL. The seed's port rule (80 and 443 only) is a setting, `OUTBOUND_ALLOWED_PORTS`, shared
 * by the gateway, image-ops and the notifier: check it with `imageCallbackPortError` of @mp/outbound.
 */
export const imageCallbackUrlSchema = callbackUrlSchema;

export const createImageFolderBodySchema = z.object({ path: imagePathSchema });
export type CreateImageFolderBody = z.infer<typeof createImageFolderBodySchema>;

export const listImageFolderQuerySchema = z.object({
  basepath: imagePathSchema,
  createdBy: z.enum(['', 'U', 'P'], { error: 'createdBy must be U or P' }).optional(),
  name: z
    .string()
    .refine((n) => Buffer.byteLength(n) >= 2 && Buffer.byteLength(n) <= 255, 'name must be 2 to 255 bytes')
    .optional(),
  page,
  rows: z.coerce
    .number({ error: 'rows must be a number' })
    .int()
    .min(1, 'rows must be at least 1')
    .max(10_000, 'rows must be at most 10000')
    .default(100),
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

const int = (field: string) => z.number({ error: `${field} must be a number` }).int(`${field} must be an integer`);
const dimension = (field: string) =>
  int(field).min(1, `${field} must be at least 1`).max(16384, `${field} must be at most 16384`);
const gravity = z.enum(GRAVITIES, { error: `gravity must be one of ${GRAVITIES.join(', ')}` }).default('Center');
const offset = (field: string) => int(field).min(-16384).max(16384).default(0);

export const IMAGE_TARGET_EXTENSIONS = ['jpg', 'jpeg', 'png', 'webp', 'gif', 'avif', 'tiff'] as const;

const resizeOption = z.object({
  resizeType: z.string().optional(),
  width: dimension('width'),
  height: dimension('height'),
  quality: z
    .number({ error: 'quality must be a number' })
    .min(1, 'quality must be 1 to 100')
    .max(100, 'quality must be 1 to 100')
    .default(75),
  upDownSizeType: z
    .enum(['downOnly', 'upOnly', 'upDownAll'], { error: 'upDownSizeType must be downOnly, upOnly or upDownAll' })
    .default('downOnly'),
  shrinkLargerOnly: z.boolean().optional(),
  keepAnimation: z.boolean().default(true),
  keepExif: z.boolean().default(true),
  autoOrient: z.boolean().default(false),
  targetExtension: z
    .enum(IMAGE_TARGET_EXTENSIONS, { error: `targetExtension must be one of ${IMAGE_TARGET_EXTENSIONS.join(', ')}` })
    .nullish(),
});
const callbackOption = { callbackUrl: imageCallbackUrlSchema.optional() };

export const imageJobStepSchema = z.discriminatedUnion(
  'templateOperationId',
  [
    z.object({ templateOperationId: z.literal('resize_fixed'), option: resizeOption }),
    z.object({ templateOperationId: z.literal('resize_min_fit'), option: resizeOption }),
    z.object({ templateOperationId: z.literal('resize_max_fit'), option: resizeOption }),
    z.object({
      templateOperationId: z.literal('gray'),
      option: z.object({ keepAnimation: z.boolean().default(true) }).default({ keepAnimation: true }),
    }),
    z.object({
      templateOperationId: z.literal('rectangle'),
      option: z.object({
        gravity,
        offsetX: offset('offsetX'),
        offsetY: offset('offsetY'),
        width: dimension('width'),
        height: dimension('height'),
        keepAnimation: z.boolean().default(false),
      }),
    }),
    z.object({
      templateOperationId: z.literal('circle'),
      option: z.object({
        gravity,
        offsetX: offset('offsetX'),
        offsetY: offset('offsetY'),
        radius: int('radius').min(1, 'radius must be at least 1').max(8192),
      }),
    }),
    z.object({
      templateOperationId: z.literal('slice'),
      option: z.object({
        sliceCropType: z
          .enum(['vertical', 'horizontal'], { error: 'sliceCropType must be vertical or horizontal' })
          .default('vertical'),
        sliceSize: int('sliceSize').min(1, 'sliceSize must be at least 1').max(16384),
        keepAnimation: z.boolean().default(true),
        ...callbackOption,
      }),
    }),
    z.object({
      templateOperationId: z.literal('grid'),
      option: z.object({
        countX: int('countX').min(1, 'countX must be 1 to 100').max(100, 'countX must be 1 to 100'),
        countY: int('countY').min(1, 'countY must be 1 to 100').max(100, 'countY must be 1 to 100'),
        ...callbackOption,
      }),
    }),
    z.object({
      templateOperationId: z.literal('watermark'),
      option: z.object({
        gravity,
        offsetX: offset('offsetX'),
        offsetY: offset('offsetY'),
        watermarkImagePath: imagePathSchema,
      }),
    }),
  ],
  {
    error:
      'templateOperationId must be one of resize_fixed, resize_min_fit, resize_max_fit, gray, rectangle, circle, slice, grid, watermark',
  },
);
export type ImageJobStep = z.infer<typeof imageJobStepSchema>;
export type ImageTemplateId = ImageJobStep['templateOperationId'];

export const putImageOperationBodySchema = z.object({
  description: z
    .string({ error: 'description must be a string' })
    .max(30, 'description must be at most 30 characters')
    .default(''),
  realtimeService: z.boolean({ error: 'realtimeService must be true or false' }).default(true),
  deleteThumbnail: z.boolean({ error: 'deleteThumbnail must be true or false' }).default(false),
  data: z.array(imageJobStepSchema).max(10, 'data may hold at most 10 steps').default([]),
});
export type PutImageOperationBody = z.infer<typeof putImageOperationBodySchema>;

export const listImageOperationsQuerySchema = z.object({
  name: z
    .string()
    .regex(/^[A-Za-z0-9_-]{0,20}$/, 'name must be at most 20 letters or digits')
    .optional(),
  page,
  rows: z.coerce
    .number({ error: 'rows must be a number' })
    .int()
    .min(1, 'rows must be at least 1')
    .max(10_000, 'rows must be at most 10000')
    .default(20),
  sort: sort('date:desc'),
  template: flag.default(false),
});
export type ListImageOperationsQuery = z.infer<typeof listImageOperationsQuerySchema>;

export const deleteImageOperationQuerySchema = z.object({ deleteThumbnail: flag.default(false) });

export const execImageOperationsBodySchema = z.object({
  basepath: imagePathSchema,
  filepaths: z
    .array(imagePathSchema, { error: 'filepaths must be a list of paths' })
    .min(1, 'filepaths must not be empty')
    .max(1000, 'at most 1000 filepaths'),
  operationIds: z
    .array(imageOperationIdSchema, { error: 'operationIds must be a list' })
    .min(1, 'operationIds must not be empty')
    .max(20),
  callbackUrl: imageCallbackUrlSchema.optional(),
});
export type ExecImageOperationsBody = z.infer<typeof execImageOperationsBodySchema>;

export const imageQueueIdSchema = z.string().min(1).max(64, 'queueId must be at most 64 characters');

const imageIdSchema = (field: string) =>
  z
    .string({ error: `${field} must be a string` })
    .min(1, `${field} must not be empty`)
    .max(50, `${field} must be at most 50 characters`);
/** `a,b,c` or a repeated parameter. */
const imageIdList = (field: string) =>
  z.preprocess(
    (v) =>
      typeof v === 'string'
        ? v
            .split(',')
            .map((s) => s.trim())
            .filter(Boolean)
        : v,
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
  path: z.string(),
  bytes: z.number(),
  error: z.object({ resultCode: z.number(), resultMessage: z.string() }),
});
export type ImageUploadError = z.infer<typeof imageUploadErrorSchema>;

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

/** `header.resultCode` for an error code when the service chose none (docs/compat/image-api.md). */
const IMAGE_RESULT_BY_ERROR: Record<ErrorCode, number> = {
  ValidationFailed: 400,
  MetadataTooLarge: 400,
  InvalidFolder: 400,
  InvalidFilename: 400,
  Unauthenticated: 401,
  InvalidApiKey: 401,
  WrongKeyKind: 403,
  Forbidden: 403,
  QuotaExceeded: 11005,
  NotFound: IMAGE_RESULT.pathNotFound.code,
  NoSuchRoute: 404,
  ObjectNotFound: IMAGE_RESULT.pathNotFound.code,
  FileNotFound: IMAGE_RESULT.pathNotFound.code,
  TeamNotFound: 404,
  ApiKeyNotFound: 404,
  Conflict: IMAGE_RESULT.sameFileName.code,
  LegalHold: 409,
  PayloadTooLarge: IMAGE_RESULT.overUploadVolume.code,
  UnsupportedMediaType: IMAGE_RESULT.notAnImage.code,
  RateLimited: 429,
  Internal: 500,
  DependencyUnavailable: 503,
  Timeout: 504,
};

/** The image dialect's resultCode of an error: the one the service set, else the code's default. */
export function imageResultCodeOf(error: { code: ErrorCode; details?: Record<string, unknown> }): number {
  const chosen = error.details?.resultCode;
  if (typeof chosen === 'number' && Number.isInteger(chosen)) return chosen;
  return IMAGE_RESULT_BY_ERROR[error.code];
}

/**
 * Where the gateway stores an uploaded image body (`image/{team}/{app}/uploads/{id}`); image-ops
 * adopts an object under it as the image's bytes when it accepts the upload, and deletes it otherwise.
 */
export function imageUploadKeyPrefix(scope: { team_id: string; app_key: string }): string {
  return `image/${scope.team_id}/${scope.app_key}/uploads/`;
}
