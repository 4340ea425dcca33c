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
    const registers = [this.registry];
    this.httpDuration = new Histogram({
      name: 'http_request_duration_seconds',
      help: 'HTTP request latency',
      labelNames: ['method', 'route', 'status'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers,
    });
    this.rpcDuration = new Histogram({
      name: 'rpc_handler_duration_seconds',
      help: 'NATS request/reply handler latency',
      labelNames: ['subject', 'outcome'],
      buckets: [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 5],
      registers,
    });
    this.rpcReplyFailures = new Counter({
      name: 'rpc_reply_failures_total',
      help: 'RPC replies that could not be sent as produced (too large, connection closing)',
      labelNames: ['subject', 'reason'],
      registers,
    });
    this.eventsHandled = new Counter({
      name: 'events_handled_total',
      help: 'JetStream events handled',
      labelNames: ['subject', 'outcome'],
      registers,
    });
    this.jobsHandled = new Counter({
      name: 'jobs_handled_total',
      help: 'BullMQ jobs handled',
      labelNames: ['job', 'outcome'],
      registers,
    });
    this.jobsSkipped = new Counter({
      name: 'jobs_skipped_total',
      help: 'BullMQ jobs completed without work, by reason',
      labelNames: ['job', 'reason'],
      registers,
    });
    this.jobQueueWait = new Histogram({
      name: 'job_queue_wait_seconds',
      help: 'From a job being added (after its delay) to a worker starting its first attempt',
      labelNames: ['job'],
      buckets: [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 5, 30, 120],
      registers,
    });
    this.sweepItems = new Counter({
      name: 'sweep_items_total',
      help: 'Items counted by scheduled sweeps (looked at, purged, re-enqueued...)',
      labelNames: ['job', 'count'],
      registers,
    });
    this.outboxPublished = new Counter({
      name: 'outbox_messages_total',
      help: 'Outbox relay publications',
      labelNames: ['outcome'],
      registers,
    });
  }
}
