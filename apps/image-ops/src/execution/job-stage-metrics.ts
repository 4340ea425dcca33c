import { Injectable } from '@nestjs/common';
import { MetricsService } from '@mp/platform';
import type { Histogram } from 'prom-client';
import { STAGE_SECONDS_BUCKETS, StageClock, stageClock } from './stage-clock';

/** The stages of one image job, in the order they run. */
export type ImageJobStage =
  'claim' | 'lookup' | 'object_get' | 'probe' | 'pixels' | 'object_put' | 'record' | 'cleanup';

export type { StageClock };

/**
 * `image_job_stage_seconds{stage}`: where the wall time of image jobs goes (`_sum / _count` per
 * stage is its mean). Read by `pnpm bench image-ops` and by whoever scrapes the worker.
 */
@Injectable()
export class ImageJobStageMetrics {
  private readonly stages: Histogram<'stage'>;

  constructor(metrics: MetricsService) {
    this.stages = metrics.histogram(
      'image_job_stage_seconds',
      'Wall time of each stage of an image operation job',
      ['stage'],
      STAGE_SECONDS_BUCKETS,
    );
  }

  start(): StageClock<ImageJobStage> {
    return stageClock((stage, seconds) => this.stages.observe({ stage }, seconds));
  }
}
