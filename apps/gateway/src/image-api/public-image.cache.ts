import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, MetricsService } from '@mp/platform';
import { GatewayConfig } from '../app.config';
import { SmallObjectCache } from '../http/small-object.cache';

/**
 * Public image URLs' small results (thumbnails, crops) kept in this gateway's memory. An entry is
 * found only under the object key and ETag image-ops reports for the URL now, so a replaced or
 * deleted image is never served from here. Counted in `gateway_public_image_cache_total{outcome}`.
 */
@Injectable()
export class PublicImageCache extends SmallObjectCache {
  constructor(@Inject(APP_CONFIG) config: GatewayConfig, metrics: MetricsService) {
    const outcomes = metrics.counter(
      'gateway_public_image_cache_total',
      'Public image GETs answered from the gateway memory (hit), read from the store (miss), or with the cache off (bypass)',
      ['outcome'],
    );
    super(
      config.IMAGE_PUBLIC_MEMORY_CACHE_MB * 1024 * 1024,
      config.IMAGE_PUBLIC_MEMORY_CACHE_OBJECT_KB * 1024,
      (outcome) => outcomes.inc({ outcome }),
    );
  }
}
