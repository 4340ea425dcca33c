import { BeforeApplicationShutdown, Inject, Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { DiscoveryService, MetadataScanner } from '@nestjs/core';
import { EVENT_SCHEMAS, eventEnvelopeSchema, EventSubject } from '@mp/contracts';
import { AckPolicy, ConsumerMessages, DeliverPolicy, JsMsg, NatsConnection, nanos } from 'nats';
import type { Logger } from 'pino';
import { BaseConfig } from '../config';
import { assertUnique, DiscoveredHandler, discoverHandlers } from '../discovery/discover-handlers';
import { MetricsService } from '../metrics';
import { APP_CONFIG, APP_NAME, LOGGER, NATS_CONNECTION } from '../tokens';
import { EVENT_HANDLER, EventHandlerOptions } from './event-handler.decorator';
import { decodeJson } from './json-codec';
import { ensureEventStream } from './jetstream-streams';
import { wireNames } from './subjects';

const ACK_WAIT_MS = 30_000;
const MAX_DELIVER = 25;
const MAX_BACKOFF_MS = 60_000;

/** Runs one durable pull consumer per @EventHandler and stops them cleanly on shutdown. */
@Injectable()
export class EventConsumerHost implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly running: { messages: ConsumerMessages; loop: Promise<void> }[] = [];
  private readonly inFlight = new Set<Promise<void>>();

  constructor(
    private readonly discovery: DiscoveryService,
    private readonly scanner: MetadataScanner,
    private readonly metrics: MetricsService,
    @Inject(NATS_CONNECTION) private readonly nc: NatsConnection,
    @Inject(APP_CONFIG) private readonly config: BaseConfig,
    @Inject(APP_NAME) private readonly app: string,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const handlers = discoverHandlers<EventHandlerOptions>(this.discovery, this.scanner, EVENT_HANDLER);
    assertUnique(handlers, (o) => o.subject, 'event');
    if (handlers.length === 0) return;
    const names = wireNames(this.config.NAMESPACE);
    await ensureEventStream(this.nc, names);
    const jsm = await this.nc.jetstreamManager();
    const js = this.nc.jetstream();
    for (const handler of handlers) {
      const durable = names.consumer(this.app, handler.meta.subject);
      await jsm.consumers.add(names.eventStream, {
        durable_name: durable,
        filter_subject: names.event(handler.meta.subject),
        ack_policy: AckPolicy.Explicit,
        deliver_policy: DeliverPolicy.All,
        ack_wait: nanos(ACK_WAIT_MS),
        max_deliver: MAX_DELIVER,
        max_ack_pending: 1000,
      });
      const consumer = await js.consumers.get(names.eventStream, durable);
      const concurrency = handler.meta.concurrency ?? 8;
      const messages = await consumer.consume({ max_messages: concurrency * 2 });
      this.running.push({ messages, loop: this.pump(messages, handler, concurrency) });
    }
  }

  private async pump(
    messages: ConsumerMessages,
    handler: DiscoveredHandler<EventHandlerOptions>,
    concurrency: number,
  ): Promise<void> {
    const active = new Set<Promise<void>>();
    for await (const msg of messages) {
      const task = this.handle(msg, handler).finally(() => {
        active.delete(task);
        this.inFlight.delete(task);
      });
      active.add(task);
      this.inFlight.add(task);
      if (active.size >= concurrency) await Promise.race(active);
    }
    await Promise.allSettled(active);
  }

  private async handle(msg: JsMsg, handler: DiscoveredHandler<EventHandlerOptions>): Promise<void> {
    const subject = handler.meta.subject;
    const envelope = eventEnvelopeSchema.safeParse(safeDecode(msg.data));
    const data = envelope.success ? EVENT_SCHEMAS[subject].safeParse(envelope.data.data) : undefined;
    if (!envelope.success || !data?.success) {
      this.logger.error({ subject, seq: msg.seq }, 'Malformed event terminated (it can never succeed)');
      this.metrics.eventsHandled.inc({ subject, outcome: 'malformed' });
      msg.term();
      return;
    }
    try {
      await handler.call({ ...envelope.data, subject: subject as EventSubject, data: data.data });
      msg.ack();
      this.metrics.eventsHandled.inc({ subject, outcome: 'ok' });
    } catch (err) {
      const attempt = msg.info.deliveryCount;
      const delay = Math.min(MAX_BACKOFF_MS, 250 * 2 ** Math.min(attempt, 12)) * (0.5 + Math.random() / 2);
      const level = attempt >= MAX_DELIVER ? 'error' : 'warn';
      this.logger[level](
        { err, subject, eventId: envelope.data.id, attempt },
        attempt >= MAX_DELIVER ? 'Event handler gave up' : 'Event handler failed, will retry',
      );
      this.metrics.eventsHandled.inc({ subject, outcome: attempt >= MAX_DELIVER ? 'dead' : 'retry' });
      msg.nak(Math.round(delay));
    }
  }

  /** Stops pulling, then waits for the messages already being handled. */
  async beforeApplicationShutdown(): Promise<void> {
    for (const r of this.running) r.messages.stop();
    await Promise.allSettled(this.running.map((r) => r.loop));
    await Promise.allSettled([...this.inFlight]);
  }
}

function safeDecode(data: Uint8Array): unknown {
  try {
    return decodeJson(data);
  } catch {
    return undefined;
  }
}
