import { Inject, Injectable } from '@nestjs/common';
import { collectDefaultMetrics, Counter, Histogram, Registry } from 'prom-client';
import { APP_NAME } from '../tokens';

/** One registry per app instance (tests run several apps in one process). */
@Injectable()
export class MetricsService {
  readonly registry = new Registry();
  readonly httpDuration: Histogram<'method' | 'route' | 'status'>;
  readonly rpcDuration: Histogram<'subject' | 'outcome'>;
  readonly rpcReplyFailures: Counter<'subject' | 'reason'>;
  readonly eventsHandled: Counter<'subject' | 'outcome'>;
  readonly jobsHandled: Counter<'job' | 'outcome'>;
  readonly jobsSkipped: Counter<'job' | 'reason'>;
  readonly jobQueueWait: Histogram<'job'>;
  readonly sweepItems: Counter<'job' | 'count'>;
  readonly outboxPublished: Counter<'outcome'>;

  constructor(@Inject(APP_NAME) app: string) {
    this.registry.setDefaultLabels({ app });
    collectDefaultMetrics({ register: this.registry });
    this.httpDuration = this.histogram(
      'http_request_duration_seconds',
      'HTTP request latency',
      ['method', 'route', 'status'],
      [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    );
    this.rpcDuration = this.histogram(
      'rpc_handler_duration_seconds',
      'NATS request/reply handler latency',
      ['subject', 'outcome'],
      [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 5],
    );
    this.rpcReplyFailures = this.counter(
      'rpc_reply_failures_total',
      'RPC replies that could not be sent as produced (too large, connection closing)',
      ['subject', 'reason'],
    );
    this.eventsHandled = this.counter('events_handled_total', 'JetStream events handled', ['subject', 'outcome']);
    this.jobsHandled = this.counter('jobs_handled_total', 'BullMQ jobs handled', ['job', 'outcome']);
    this.jobsSkipped = this.counter('jobs_skipped_total', 'BullMQ jobs completed without work, by reason', [
      'job',
      'reason',
    ]);
    this.jobQueueWait = this.histogram(
      'job_queue_wait_seconds',
      'From a job being added (after its delay) to a worker starting its first attempt',
      ['job'],
      [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 5, 30, 120],
    );
    this.sweepItems = this.counter(
      'sweep_items_total',
      'Items counted by scheduled sweeps (looked at, purged, re-enqueued...)',
      ['job', 'count'],
    );
    this.outboxPublished = this.counter('outbox_messages_total', 'Outbox relay publications', ['outcome']);
  }

  /** A counter on this app's registry. */
  counter<Label extends string>(name: string, help: string, labelNames: Label[]): Counter<Label> {
    return new Counter({ name, help, labelNames, registers: [this.registry] });
  }

  /** A histogram on this app's registry; `buckets` are upper bounds in the metric's unit. */
  histogram<Label extends string>(
    name: string,
    help: string,
    labelNames: Label[],
    buckets: number[],
  ): Histogram<Label> {
    return new Histogram({ name, help, labelNames, buckets, registers: [this.registry] });
  }
}
