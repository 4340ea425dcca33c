import { Injectable } from '@nestjs/common';
import { MetricsService } from '@mp/platform';
import type { Counter } from 'prom-client';

export type IgnoredWriteReason = 'session-active' | 'session-rejected' | 'no-session';

/** `files_staged_writes_ignored_total{reason}`: form uploads that arrived after their session was decided. */
@Injectable()
export class StagedWriteMetrics {
  private readonly ignored: Counter<'reason'>;

  constructor(metrics: MetricsService) {
    this.ignored = metrics.counter(
      'files_staged_writes_ignored_total',
      'Objects written to an upload staging key after its session was activated or rejected (or without a session); deleted',
      ['reason'],
    );
  }

  recordIgnored(reason: IgnoredWriteReason, count = 1): void {
    this.ignored.inc({ reason }, count);
  }
}
