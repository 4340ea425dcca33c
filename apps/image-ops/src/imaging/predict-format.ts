import { ImageJobStep } from '@mp/contracts';
import { ALPHA_FORMATS, ImageFormat } from './image-engine';

/** `targetExtension` of a format operation → the format it encodes. */
export const TARGET_FORMAT: Record<string, ImageFormat> = {
  jpg: 'jpeg',
  jpeg: 'jpeg',
  png: 'png',
  webp: 'webp',
  gif: 'gif',
  avif: 'avif',
  tiff: 'tiff',
};

/** The format an operation's result will have (same rules as the pipeline), to name it before it runs. */
export function predictFormat(source: ImageFormat, steps: ImageJobStep[]): ImageFormat {
  let format = source;
  for (const step of steps) {
    if (
      step.templateOperationId.startsWith('resize_') &&
      'targetExtension' in step.option &&
      step.option.targetExtension
    )
      format = TARGET_FORMAT[step.option.targetExtension];
    if (step.templateOperationId === 'circle' && (!ALPHA_FORMATS.has(format) || format === 'gif')) format = 'png';
  }
  return format;
}
