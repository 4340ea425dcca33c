import { Injectable } from '@nestjs/common';
import { MetricsService } from '@mp/platform';
import { Histogram } from 'prom-client';
import { StageClock, stageClock } from '../execution/stage-clock';

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
    this.stages = new Histogram({
      name: 'image_on_request_stage_seconds',
      help: 'Wall time of each stage of an image rendered or found on request (public URLs, ?type= variants)',
      labelNames: ['path', 'stage'],
      buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 5],
      registers: [metrics.registry],
    });
  }

  start(path: OnRequestPath): OnRequestClock {
    return stageClock((stage, seconds) => this.stages.observe({ path, stage }, seconds));
  }
}
