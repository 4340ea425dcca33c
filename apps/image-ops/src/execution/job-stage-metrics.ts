import { Injectable } from '@nestjs/common';
import { MetricsService } from '@mp/platform';
import { Histogram } from 'prom-client';
import { StageClock, stageClock } from './stage-clock';

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
    this.stages = new Histogram({
      name: 'image_job_stage_seconds',
      help: 'Wall time of each stage of an image operation job',
      labelNames: ['stage'],
      buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 5],
      registers: [metrics.registry],
    });
  }

  start(): StageClock<ImageJobStage> {
    return stageClock((stage, seconds) => this.stages.observe({ stage }, seconds));
  }
}
