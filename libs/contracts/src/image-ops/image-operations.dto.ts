import { z } from 'zod';
import {
  flag,
  imageCallbackUrlSchema,
  imageOperationIdSchema,
  imagePathSchema,
  page,
  rows,
  sort,
} from './image-params';

/** Image API operations (templates of job steps) and their execution: request schemas. */

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

const int = (field: string) => z.number({ error: `${field} must be a number` }).int(`${field} must be an integer`);
const dimension = (field: string) =>
  int(field).min(1, `${field} must be at least 1`).max(16384, `${field} must be at most 16384`);
const gravity = z.enum(GRAVITIES, { error: `gravity must be one of ${GRAVITIES.join(', ')}` }).default('Center');
const offset = (field: string) => int(field).min(-16384).max(16384).default(0);

export const IMAGE_TARGET_EXTENSIONS = ['jpg', 'jpeg', 'png', 'webp', 'gif', 'avif', 'tiff'] as const;

const resizeOption = z.object({
  resizeType: z.string().max(64).optional(),
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
    .max(20, 'name must be at most 20 letters or digits')
    .regex(/^[A-Za-z0-9_-]{0,20}$/, 'name must be at most 20 letters or digits')
    .optional(),
  page,
  rows: rows(20),
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
