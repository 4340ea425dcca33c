import { Inject, Injectable } from '@nestjs/common';
import { DomainError, RpcParsedRequest, ServeFormat, VariantEnsureResponse } from '@mp/contracts';
import { APP_CONFIG, MetricsService, RpcHandler } from '@mp/platform';
import { ObjectStorage } from '@mp/storage';
import { Counter } from 'prom-client';
import { ImageOpsConfig } from '../app.config';
import { IMAGE_ENGINE, ImageEngine } from '../imaging/image-engine';
import { SingleFlight } from './single-flight';
import { variantKey } from './variant-key';

const CONTENT_TYPE: Record<ServeFormat, string> = {
  webp: 'image/webp',
  jpeg: 'image/jpeg',
  png: 'image/png',
  avif: 'image/avif',
  gif: 'image/gif',
};
/** Formats that keep every frame of an animated source. */
const ANIMATED: ReadonlySet<ServeFormat> = new Set(['webp', 'gif']);

/**
 * `images.variant.ensure` (seed 003 `GET /files/{path}?type=`): the source converted to a format at a
 * quality, stored once under a derived key; later calls find it and convert nothing. Concurrent
 * calls for one variant share a single conversion in this process.
 */
@Injectable()
export class VariantConversionService {
  private readonly flights = new SingleFlight<VariantEnsureResponse>();
  private readonly conversions: Counter<'format'>;

  constructor(
    private readonly storage: ObjectStorage,
    @Inject(IMAGE_ENGINE) private readonly engine: ImageEngine,
    @Inject(APP_CONFIG) private readonly config: ImageOpsConfig,
    metrics: MetricsService,
  ) {
    this.conversions = new Counter({
      name: 'image_variant_conversions_total',
      help: 'Format conversions performed for GET /files/{path}?type=',
      labelNames: ['format'],
      registers: [metrics.registry],
    });
  }

  @RpcHandler('images.variant.ensure')
  async ensure(request: RpcParsedRequest<'images.variant.ensure'>): Promise<VariantEnsureResponse> {
    const source = await this.storage.head(request.source_key);
    if (!source) throw new DomainError('NotFound', 'File not found', { key: request.source_key });
    const derivedKey = variantKey(request.source_key, source.etag, request.format, request.quality);
    if (await this.storage.head(derivedKey)) return { derived_key: derivedKey, converted: false };
    return this.flights.run(derivedKey, async () => {
      if (await this.storage.head(derivedKey)) return { derived_key: derivedKey, converted: false };
      await this.convert(request.source_key, source.size, derivedKey, request.format, request.quality);
      return { derived_key: derivedKey, converted: true };
    });
  }

  private async convert(
    sourceKey: string,
    size: number,
    derivedKey: string,
    format: ServeFormat,
    quality: number,
  ): Promise<void> {
    if (size > this.config.IMAGE_MAX_FILE_BYTES)
      throw new DomainError(
        'PayloadTooLarge',
        `The file is ${size} bytes; at most ${this.config.IMAGE_MAX_FILE_BYTES} bytes are converted`,
      );
    const input = await this.read(sourceKey);
    const probe = await this.engine.probe(input);
    // A resize to the image's own size is a pure re-encode: the engine has no separate convert.
    const encoded = await this.engine.resize(input, {
      width: probe.width,
      height: probe.height,
      fit: 'fill',
      withoutEnlargement: false,
      withoutReduction: false,
      autoOrient: true,
      format,
      quality,
      animated: probe.frames > 1 && ANIMATED.has(format),
      keepExif: false,
    });
    await this.storage.put({
      key: derivedKey,
      body: encoded.data,
      contentType: CONTENT_TYPE[format],
      contentLength: encoded.data.length,
    });
    this.conversions.inc({ format });
  }

  private async read(key: string): Promise<Buffer> {
    const { body } = await this.storage.getStream({ key });
    const chunks: Buffer[] = [];
    let total = 0;
    for await (const chunk of body) {
      total += (chunk as Buffer).length;
      if (total > this.config.IMAGE_MAX_FILE_BYTES) {
        body.destroy();
        throw new DomainError('PayloadTooLarge', `The file is larger than ${this.config.IMAGE_MAX_FILE_BYTES} bytes`);
      }
      chunks.push(chunk as Buffer);
    }
    return Buffer.concat(chunks);
  }
}
