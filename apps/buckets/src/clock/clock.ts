import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG } from '@mp/platform';
import { BucketsConfig } from '../app.config';

/**
 * The time lifecycle policies and `X-Delete-At` are judged by: the system clock moved by
 * BUCKETS_CLOCK_OFFSET_MS (0 in production), so tests can let days pass.
 */
@Injectable()
export class Clock {
  private readonly offsetMs: number;

  constructor(@Inject(APP_CONFIG) config: BucketsConfig) {
    this.offsetMs = config.BUCKETS_CLOCK_OFFSET_MS;
  }

  now(): Date {
    return new Date(Date.now() + this.offsetMs);
  }
}
