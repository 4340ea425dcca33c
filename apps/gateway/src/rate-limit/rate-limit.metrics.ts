import { Injectable } from '@nestjs/common';
import { MetricsService } from '@mp/platform';
import { Counter } from 'prom-client';

export type RateLimitOutcome = 'allowed' | 'limited' | 'redis_error';

/** `rate_limit_decisions_total{dialect, outcome}` on the app's own registry. */
@Injectable()
export class RateLimitMetrics {
  private readonly decisions: Counter<'dialect' | 'outcome'>;

  constructor(metrics: MetricsService) {
    this.decisions = new Counter({
      name: 'rate_limit_decisions_total',
      help: 'Per-key rate limit decisions: allowed, limited (429), or redis_error (let through uncounted)',
      labelNames: ['dialect', 'outcome'],
      registers: [metrics.registry],
    });
  }

  record(dialect: string, outcome: RateLimitOutcome): void {
    this.decisions.inc({ dialect, outcome });
  }
}
