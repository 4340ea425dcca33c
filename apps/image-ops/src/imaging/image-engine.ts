/** Output formats the engine writes (sharp's names; `jpeg` is written with the `.jpg` extension). */
export type ImageFormat = 'jpeg' | 'png' | 'webp' | 'gif' | 'avif' | 'tiff';

export interface ImageProbe {
  format: ImageFormat;
  width: number;
  /** Height of one frame. */
  height: number;
  frames: number;
  hasAlpha: boolean;
  /** The raw EXIF block, when the image has one (see exif-reader). */
  exif?: Buffer;
}

/** An encoded image and what it is. */
export interface EncodedImage {
  data: Buffer;
  format: ImageFormat;
  width: number;
  /** Height of one frame. */
  height: number;
  frames: number;
}

export interface Region {
  left: number;
  top: number;
  width: number;
  height: number;
}

export interface EncodeOptions {
  format: ImageFormat;
  /** 1–100, for lossy formats. */
  quality: number;
  /** Keep every frame of an animated input (else the first frame only). */
  animated: boolean;
  keepExif: boolean;
}

export interface ResizeSpec extends EncodeOptions {
  width: number;
  height: number;
  /** fill: exactly width×height; inside: long side fits; outside: short side fits. */
  fit: 'fill' | 'inside' | 'outside';
  withoutEnlargement: boolean;
  withoutReduction: boolean;
  autoOrient: boolean;
}

export interface RawPixels {
  data: Buffer;
  width: number;
  height: number;
  channels: number;
}

/** The one door to the image library: every pixel operation of image-ops goes through it. */
export interface ImageEngine {
  /** Reads the header only; refuses what exceeds the pixel or frame limits before decoding. */
  probe(input: Buffer): Promise<ImageProbe>;
  resize(input: Buffer, spec: ResizeSpec): Promise<EncodedImage>;
  grayscale(input: Buffer, options: EncodeOptions): Promise<EncodedImage>;
  extract(input: Buffer, region: Region, options: EncodeOptions): Promise<EncodedImage>;
  /** The region (a square) with everything outside its inscribed circle transparent. */
  circle(input: Buffer, region: Region, options: EncodeOptions): Promise<EncodedImage>;
  /** `overlay` drawn at left/top, scaled down first to at most maxWidth×maxHeight. */
  composite(
    input: Buffer,
    overlay: Buffer,
    placement: { left: number; top: number; maxWidth: number; maxHeight: number },
    options: EncodeOptions,
  ): Promise<EncodedImage>;
  /** Decoded pixels (first frame), for verification. */
  pixels(input: Buffer): Promise<RawPixels>;
  /** Encodes raw pixels (e.g. to generate images). */
  fromPixels(raw: RawPixels, options: Pick<EncodeOptions, 'format' | 'quality'>): Promise<Buffer>;
}

export const IMAGE_ENGINE = Symbol('IMAGE_ENGINE');

export const EXTENSION_OF: Record<ImageFormat, string> = {
  jpeg: 'jpg',
  png: 'png',
  webp: 'webp',
  gif: 'gif',
  avif: 'avif',
  tiff: 'tiff',
};

/** Formats with an alpha channel. */
export const ALPHA_FORMATS: ReadonlySet<ImageFormat> = new Set(['png', 'webp', 'gif', 'avif', 'tiff']);
