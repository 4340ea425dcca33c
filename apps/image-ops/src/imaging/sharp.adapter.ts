import { DomainError, IMAGE_RESULT } from '@mp/contracts';
import sharp, { Metadata, Sharp, SharpOptions } from 'sharp';
import {
  EncodedImage,
  EncodeOptions,
  ImageEngine,
  ImageFormat,
  ImageProbe,
  RawPixels,
  Region,
  ResizeSpec,
} from './image-engine';
import { ImageLimits } from './image-limits';

const READABLE: Record<string, ImageFormat> = {
  jpeg: 'jpeg',
  jpg: 'jpeg',
  png: 'png',
  webp: 'webp',
  gif: 'gif',
  heif: 'avif',
  avif: 'avif',
  tiff: 'tiff',
};

/**
 * The only file of image-ops that imports sharp. Configured once: libvips threads, no operation
 * cache (memory stays bounded by the jobs running), an input pixel cap checked from the header
 * before any decoding, and a frame cap for animations.
 */
export class SharpImageEngine implements ImageEngine {
  constructor(private readonly limits: ImageLimits) {
    sharp.concurrency(limits.threads);
    sharp.cache(false);
  }

  async probe(input: Buffer): Promise<ImageProbe> {
    let meta: Metadata;
    try {
      meta = await sharp(input, { limitInputPixels: false, pages: -1 }).metadata();
    } catch {
      throw notAnImage();
    }
    const format = READABLE[meta.format ?? ''];
    if (!format || !meta.width || !meta.height) throw notAnImage();
    const frames = meta.pages ?? 1;
    const height = meta.pageHeight ?? meta.height;
    if (frames > this.limits.maxFrames) {
      throw new DomainError(
        'PayloadTooLarge',
        `The image has ${frames} frames; at most ${this.limits.maxFrames} are accepted`,
        { resultCode: IMAGE_RESULT.tooManyPixels.code },
      );
    }
    if (meta.width * height * frames > this.limits.maxInputPixels) {
      throw new DomainError(
        'PayloadTooLarge',
        `The image has ${meta.width}×${height}×${frames} pixels; at most ${this.limits.maxInputPixels} are accepted`,
        {
          resultCode: IMAGE_RESULT.tooManyPixels.code,
        },
      );
    }
    return { format, width: meta.width, height, frames, hasAlpha: meta.hasAlpha ?? false, exif: meta.exif };
  }

  resize(input: Buffer, spec: ResizeSpec): Promise<EncodedImage> {
    let image = this.open(input, spec.animated);
    if (spec.autoOrient) image = image.autoOrient();
    image = image.resize({
      width: spec.width,
      height: spec.height,
      fit: spec.fit,
      withoutEnlargement: spec.withoutEnlargement,
      withoutReduction: spec.withoutReduction,
    });
    return this.encode(image, spec);
  }

  grayscale(input: Buffer, options: EncodeOptions): Promise<EncodedImage> {
    return this.encode(this.open(input, options.animated).grayscale(), options);
  }

  extract(input: Buffer, region: Region, options: EncodeOptions): Promise<EncodedImage> {
    return this.encode(this.open(input, options.animated).extract(region), options);
  }

  async circle(input: Buffer, region: Region, options: EncodeOptions): Promise<EncodedImage> {
    const size = Math.min(region.width, region.height);
    const r = size / 2;
    const mask = Buffer.from(
      `<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size}"><circle cx="${r}" cy="${r}" r="${r}" fill="#fff"/></svg>`,
    );
    const square = await this.open(input, false)
      .extract({ ...region, width: size, height: size })
      .ensureAlpha()
      .png()
      .toBuffer();
    return this.encode(sharp(square).composite([{ input: mask, blend: 'dest-in' }]), { ...options, animated: false });
  }

  async composite(
    input: Buffer,
    overlay: Buffer,
    placement: { left: number; top: number; maxWidth: number; maxHeight: number },
    options: EncodeOptions,
  ): Promise<EncodedImage> {
    const mark = await this.open(overlay, false)
      .resize({ width: placement.maxWidth, height: placement.maxHeight, fit: 'inside', withoutEnlargement: true })
      .png()
      .toBuffer();
    return this.encode(this.open(input, false).composite([{ input: mark, left: placement.left, top: placement.top }]), {
      ...options,
      animated: false,
    });
  }

  async pixels(input: Buffer): Promise<RawPixels> {
    const { data, info } = await this.open(input, false).raw().toBuffer({ resolveWithObject: true });
    return { data, width: info.width, height: info.height, channels: info.channels };
  }

  fromPixels(raw: RawPixels, options: Pick<EncodeOptions, 'format' | 'quality'>): Promise<Buffer> {
    const image = sharp(raw.data, {
      raw: { width: raw.width, height: raw.height, channels: raw.channels as 1 | 2 | 3 | 4 },
    });
    return image.toFormat(options.format, { quality: Math.round(options.quality) }).toBuffer();
  }

  private open(input: Buffer, animated: boolean): Sharp {
    const options: SharpOptions = { limitInputPixels: this.limits.maxInputPixels, animated };
    return sharp(input, options);
  }

  private async encode(image: Sharp, options: EncodeOptions): Promise<EncodedImage> {
    let out = image;
    if (options.keepExif) out = out.keepExif();
    const format = options.format;
    const { data, info } = await out
      .toFormat(format, { quality: Math.round(options.quality) })
      .toBuffer({ resolveWithObject: true });
    const frames = (info as { pages?: number }).pages ?? 1;
    const pageHeight = (info as { pageHeight?: number }).pageHeight;
    return { data, format, width: info.width, height: pageHeight ?? info.height, frames };
  }
}

function notAnImage(): DomainError {
  return new DomainError('UnsupportedMediaType', 'The file is not an image, or the image is broken', {
    resultCode: IMAGE_RESULT.notAnImage.code,
  });
}
