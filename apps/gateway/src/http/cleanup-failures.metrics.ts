import { Injectable } from '@nestjs/common';
import { MetricsService } from '@mp/platform';
import { Counter } from 'prom-client';

/** `gateway_cleanup_failures_total{what}` on the app's own registry: objects and holds left behind. */
@Injectable()
export class CleanupFailuresMetrics {
  private readonly failures: Counter<'what'>;

  constructor(metrics: MetricsService) {
    this.failures = new Counter({
      name: 'gateway_cleanup_failures_total',
      help: 'Clean-up steps (deleting a partial or orphaned object, releasing a reservation) that failed',
      labelNames: ['what'],
      registers: [metrics.registry],
    });
  }

  record(what: string): void {
    this.failures.inc({ what });
  }
}
