import { Injectable } from '@nestjs/common';
import { MetricsService } from '@mp/platform';
import type { Histogram } from 'prom-client';
import { STAGE_SECONDS_BUCKETS, StageClock, stageClock } from '../execution/stage-clock';

/** The two paths that render on a client's request instead of in the queue. */
export type OnRequestPath = 'public' | 'variant';

/** Laps of one request. */
export type OnRequestClock = StageClock;

/**
 * `image_on_request_stage_seconds{path,stage}`: where the wall time of the on-request paths goes —
 * seed 001 public URLs (`public`: lookup, plan, lock, object_get, probe, pixels, object_put, record,
 * commit) and seed 003 `?type=` conversions (`variant`: head_source, head_variant, object_get, probe,
 * pixels, object_put). `_sum / _count` per stage is its mean; read by the `media-variants` and
 * `realtime-images` benches.
 */
@Injectable()
export class OnRequestStageMetrics {
  private readonly stages: Histogram<'path' | 'stage'>;

  constructor(metrics: MetricsService) {
    this.stages = metrics.histogram(
      'image_on_request_stage_seconds',
      'Wall time of each stage of an image rendered or found on request (public URLs, ?type= variants)',
      ['path', 'stage'],
      STAGE_SECONDS_BUCKETS,
    );
  }

  start(path: OnRequestPath): OnRequestClock {
    return stageClock((stage, seconds) => this.stages.observe({ path, stage }, seconds));
  }
}
