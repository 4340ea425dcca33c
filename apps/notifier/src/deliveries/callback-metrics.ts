import { Injectable } from '@nestjs/common';
import type { CallbackAttemptOutcome } from '@mp/contracts';
import { MetricsService } from '@mp/platform';
import type { Counter, Histogram } from 'prom-client';

/** Delivery attempts by outcome and their latency, on the app's registry. */
@Injectable()
export class CallbackMetrics {
  private readonly attempts: Counter<'outcome'>;
  private readonly latency: Histogram<'outcome'>;

  constructor(metrics: MetricsService) {
    this.attempts = metrics.counter('callback_attempts_total', 'Outbound callback attempts', ['outcome']);
    this.latency = metrics.histogram(
      'callback_attempt_duration_seconds',
      'Outbound callback attempt latency',
      ['outcome'],
      [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
    );
  }

  observe(outcome: CallbackAttemptOutcome, durationMs: number): void {
    this.attempts.inc({ outcome });
    this.latency.observe({ outcome }, durationMs / 1000);
  }
}
