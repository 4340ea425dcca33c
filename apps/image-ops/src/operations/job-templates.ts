import { ImageJobStep, ImageOperation, imageJobStepSchema, ImageTemplateId } from '@mp/contracts';
import { formatImageDate } from '../image-dates';

const JOB_TYPE: Record<ImageTemplateId, string> = {
  resize_fixed: 'ResizeJob',
  resize_min_fit: 'ResizeJob',
  resize_max_fit: 'ResizeJob',
  gray: 'GrayJob',
  rectangle: 'CropJob',
  circle: 'CropJob',
  slice: 'SliceJob',
  grid: 'SliceJob',
  watermark: 'WatermarkJob',
};

/** One step as the seed shows it (`jobType`, and `resizeType` inside resize options). */
export function toJobTemplate(step: ImageJobStep): ImageOperation['jobTemplate'][number] {
  const option: Record<string, unknown> = { ...step.option };
  if (step.templateOperationId.startsWith('resize_'))
    option.resizeType = step.templateOperationId.slice('resize_'.length);
  return { templateOperationId: step.templateOperationId, jobType: JOB_TYPE[step.templateOperationId], option };
}

/** The built-in templates (`template=true`), each with its defaults and example sizes. */
const TEMPLATE_EXAMPLES: unknown[] = [
  { templateOperationId: 'resize_fixed', option: { width: 100, height: 100 } },
  { templateOperationId: 'resize_min_fit', option: { width: 100, height: 100 } },
  { templateOperationId: 'resize_max_fit', option: { width: 100, height: 100 } },
  { templateOperationId: 'gray', option: {} },
  { templateOperationId: 'rectangle', option: { width: 100, height: 100 } },
  { templateOperationId: 'circle', option: { radius: 50 } },
  { templateOperationId: 'slice', option: { sliceSize: 100 } },
  { templateOperationId: 'grid', option: { countX: 2, countY: 2 } },
  { templateOperationId: 'watermark', option: { watermarkImagePath: '/watermark.png' } },
];

export function templateOperations(appKey: string): ImageOperation[] {
  const epoch = formatImageDate(new Date(0));
  return TEMPLATE_EXAMPLES.map((example) => {
    const step = imageJobStepSchema.parse(example);
    return {
      appKey,
      operationId: step.templateOperationId,
      description: '',
      realtimeService: true,
      updatedAt: epoch,
      jobTemplate: [toJobTemplate(step)],
    };
  });
}
