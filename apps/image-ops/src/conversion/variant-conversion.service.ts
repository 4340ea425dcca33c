import { Inject, Injectable } from '@nestjs/common';
import { DomainError, RpcParsedRequest, ServeFormat, VariantEnsureResponse } from '@mp/contracts';
import { APP_CONFIG, MetricsService, RpcHandler } from '@mp/platform';
import { ObjectStorage } from '@mp/storage';
import { LRUCache } from 'lru-cache';
import type { Counter } from 'prom-client';
import { ImageOpsConfig } from '../app.config';
import { IMAGE_ENGINE, ImageEngine } from '../imaging/image-engine';
import { OnRequestClock, OnRequestStageMetrics } from '../realtime/on-request-stage-metrics';
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
/** Variant keys this process has seen stored; a key names the source's ETag, so the fact never goes stale. */
const KNOWN_VARIANTS = 10_000;

/**
 * `images.variant.ensure` (seed 003 `GET /files/{path}?type=`): the source converted to a format at a
 * quality, stored once under a derived key; later calls find it and convert nothing. Concurrent
 * calls for one variant share a single conversion in this process. A variant once seen stored is
 * remembered (its key names the source's ETag and variants are never rewritten), so a repeat call
 * costs at most one HEAD of the source, none when the caller sends the source's HEAD along.
 */
@Injectable()
export class VariantConversionService {
  private readonly flights = new SingleFlight<VariantEnsureResponse>();
  private readonly conversions: Counter<'format'>;
  private readonly known = new LRUCache<string, true>({ max: KNOWN_VARIANTS });

  constructor(
    private readonly storage: ObjectStorage,
    @Inject(IMAGE_ENGINE) private readonly engine: ImageEngine,
    @Inject(APP_CONFIG) private readonly config: ImageOpsConfig,
    private readonly stages: OnRequestStageMetrics,
    metrics: MetricsService,
  ) {
    this.conversions = metrics.counter(
      'image_variant_conversions_total',
      'Format conversions performed for GET /files/{path}?type=',
      ['format'],
    );
  }

  @RpcHandler('images.variant.ensure')
  async ensure(request: RpcParsedRequest<'images.variant.ensure'>): Promise<VariantEnsureResponse> {
    const clock = this.stages.start('variant');
    let source: { etag: string; size: number } | null | undefined = request.source;
    if (!source) {
      source = await this.storage.head(request.source_key);
      clock.lap('head_source');
    }
    if (!source) throw new DomainError('NotFound', 'File not found', { key: request.source_key });
    const derivedKey = variantKey(request.source_key, source.etag, request.format, request.quality);
    if (this.known.has(derivedKey)) return { derived_key: derivedKey, converted: false };
    return this.flights.run(derivedKey, async () => {
      if (await this.exists(derivedKey, clock)) return { derived_key: derivedKey, converted: false };
      await this.convert(request.source_key, source.size, derivedKey, request.format, request.quality, clock);
      this.known.set(derivedKey, true);
      return { derived_key: derivedKey, converted: true };
    });
  }

  private async exists(derivedKey: string, clock: OnRequestClock): Promise<boolean> {
    if (this.known.has(derivedKey)) return true;
    const found = (await this.storage.head(derivedKey)) !== null;
    clock.lap('head_variant');
    if (found) this.known.set(derivedKey, true);
    return found;
  }

  private async convert(
    sourceKey: string,
    size: number,
    derivedKey: string,
    format: ServeFormat,
    quality: number,
    clock: OnRequestClock,
  ): Promise<void> {
    if (size > this.config.IMAGE_MAX_FILE_BYTES)
      throw new DomainError(
        'PayloadTooLarge',
        `The file is ${size} bytes; at most ${this.config.IMAGE_MAX_FILE_BYTES} bytes are converted`,
      );
    const input = await this.read(sourceKey);
    clock.lap('object_get');
    const probe = await this.engine.probe(input);
    clock.lap('probe');
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
    clock.lap('pixels');
    await this.storage.put({
      key: derivedKey,
      body: encoded.data,
      contentType: CONTENT_TYPE[format],
      contentLength: encoded.data.length,
    });
    clock.lap('object_put');
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
