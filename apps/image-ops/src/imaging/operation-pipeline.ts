import { ImageJobStep } from '@mp/contracts';
import { gridRegions, placeBox, sliceRegions } from './geometry';
import { ALPHA_FORMATS, EncodedImage, EncodeOptions, ImageEngine } from './image-engine';
import { TARGET_FORMAT } from './predict-format';

/** One output of an operation: `suffix` is `_0000`, `_0001`… for slice and grid pieces. */
export interface PipelineOutput {
  image: EncodedImage;
  suffix: string;
}

const DEFAULT_QUALITY = 90;

const FIT = { resize_fixed: 'fill', resize_min_fit: 'outside', resize_max_fit: 'inside' } as const;

/**
 * Applies an operation's steps in order. Slice and grid turn one image into several; every later
 * step applies to each piece. `loadWatermark` reads a watermark image of the same app.
 */
export async function runPipeline(
  engine: ImageEngine,
  source: EncodedImage,
  steps: ImageJobStep[],
  loadWatermark: (path: string) => Promise<Buffer>,
): Promise<PipelineOutput[]> {
  let current: PipelineOutput[] = [{ image: source, suffix: '' }];
  for (const step of steps) {
    const next: PipelineOutput[] = [];
    for (const item of current) {
      const results = await applyStep(engine, item.image, step, loadWatermark);
      results.forEach((image, i) =>
        next.push({
          image,
          suffix:
            results.length > 1 || isMultiplying(step) ? `${item.suffix}_${String(i).padStart(4, '0')}` : item.suffix,
        }),
      );
    }
    current = next;
  }
  return current;
}

function isMultiplying(step: ImageJobStep): boolean {
  return step.templateOperationId === 'slice' || step.templateOperationId === 'grid';
}

async function applyStep(
  engine: ImageEngine,
  image: EncodedImage,
  step: ImageJobStep,
  loadWatermark: (path: string) => Promise<Buffer>,
): Promise<EncodedImage[]> {
  const keep = (keepAnimation: boolean): EncodeOptions => ({
    format: image.format,
    quality: DEFAULT_QUALITY,
    animated: keepAnimation && image.frames > 1,
    keepExif: false,
  });
  switch (step.templateOperationId) {
    case 'resize_fixed':
    case 'resize_min_fit':
    case 'resize_max_fit': {
      const o = step.option;
      const format = o.targetExtension ? TARGET_FORMAT[o.targetExtension] : image.format;
      return [
        await engine.resize(image.data, {
          width: o.width,
          height: o.height,
          fit: FIT[step.templateOperationId],
          withoutEnlargement: o.upDownSizeType === 'downOnly',
          withoutReduction: o.upDownSizeType === 'upOnly',
          autoOrient: o.autoOrient,
          format,
          quality: o.quality,
          animated: o.keepAnimation && image.frames > 1 && format !== 'jpeg',
          keepExif: o.keepExif,
        }),
      ];
    }
    case 'gray':
      return [await engine.grayscale(image.data, keep(step.option.keepAnimation))];
    case 'rectangle': {
      const o = step.option;
      const region = placeBox(image, o, o.gravity, o.offsetX, o.offsetY);
      return [await engine.extract(image.data, region, keep(o.keepAnimation))];
    }
    case 'circle': {
      const o = step.option;
      const region = placeBox(image, { width: o.radius * 2, height: o.radius * 2 }, o.gravity, o.offsetX, o.offsetY);
      const format = ALPHA_FORMATS.has(image.format) && image.format !== 'gif' ? image.format : 'png';
      return [await engine.circle(image.data, region, { ...keep(false), format })];
    }
    case 'slice': {
      const o = step.option;
      return Promise.all(
        sliceRegions(image, o.sliceCropType, o.sliceSize).map((r) =>
          engine.extract(image.data, r, keep(o.keepAnimation)),
        ),
      );
    }
    case 'grid': {
      const o = step.option;
      return Promise.all(gridRegions(image, o.countX, o.countY).map((r) => engine.extract(image.data, r, keep(false))));
    }
    case 'watermark': {
      const o = step.option;
      const overlay = await loadWatermark(o.watermarkImagePath);
      const mark = await engine.probe(overlay);
      const size = fitInside(mark, image);
      const at = placeBox(image, size, o.gravity, o.offsetX, o.offsetY);
      return [
        await engine.composite(
          image.data,
          overlay,
          { left: at.left, top: at.top, maxWidth: size.width, maxHeight: size.height },
          keep(false),
        ),
      ];
    }
  }
}

/** The watermark's size once scaled down (never up) to fit the image, aspect kept. */
function fitInside(
  mark: { width: number; height: number },
  image: { width: number; height: number },
): { width: number; height: number } {
  const scale = Math.min(1, image.width / mark.width, image.height / mark.height);
  return { width: Math.max(1, Math.floor(mark.width * scale)), height: Math.max(1, Math.floor(mark.height * scale)) };
}
