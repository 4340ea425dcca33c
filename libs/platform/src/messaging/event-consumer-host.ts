import { BeforeApplicationShutdown, Inject, Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { AckPolicy, ConsumerMessages, DeliverPolicy, NatsConnection, nanos } from 'nats';
import { assertUnique, DiscoveredHandler } from '../discovery/discover-handlers';
import { HandlerDiscovery } from '../discovery/handler-discovery';
import { APP_NAME, NATS_CONNECTION, WIRE_NAMES } from '../tokens';
import { EVENT_HANDLER, EventHandlerOptions } from './event-handler.decorator';
import { EventDelivery, MAX_DELIVER } from './event-delivery';
import { ensureEventStream } from './jetstream-streams';
import { WireNames } from './subjects';

const ACK_WAIT_MS = 30_000;

/** Runs one durable pull consumer per @EventHandler and stops them cleanly on shutdown. */
@Injectable()
export class EventConsumerHost implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly running: { messages: ConsumerMessages; loop: Promise<void> }[] = [];
  private readonly inFlight = new Set<Promise<void>>();

  constructor(
    private readonly discovery: HandlerDiscovery,
    private readonly delivery: EventDelivery,
    @Inject(NATS_CONNECTION) private readonly nc: NatsConnection,
    @Inject(WIRE_NAMES) private readonly names: WireNames,
    @Inject(APP_NAME) private readonly app: string,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const handlers = this.discovery.methods<EventHandlerOptions>(EVENT_HANDLER);
    assertUnique(handlers, (o) => o.subject, 'event');
    if (handlers.length === 0) return;
    await ensureEventStream(this.nc, this.names);
    const jsm = await this.nc.jetstreamManager();
    const js = this.nc.jetstream();
    for (const handler of handlers) {
      const durable = this.names.consumer(this.app, handler.meta.subject);
      await jsm.consumers.add(this.names.eventStream, {
        durable_name: durable,
        filter_subject: this.names.event(handler.meta.subject),
        ack_policy: AckPolicy.Explicit,
        deliver_policy: DeliverPolicy.All,
        ack_wait: nanos(ACK_WAIT_MS),
        max_deliver: MAX_DELIVER,
        max_ack_pending: 1000,
      });
      const consumer = await js.consumers.get(this.names.eventStream, durable);
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
      const task = this.delivery.deliver(msg, handler).finally(() => {
        active.delete(task);
        this.inFlight.delete(task);
      });
      active.add(task);
      this.inFlight.add(task);
      if (active.size >= concurrency) await Promise.race(active);
    }
    await Promise.allSettled(active);
  }

  /** Stops pulling, then waits for the messages already being handled. */
  async beforeApplicationShutdown(): Promise<void> {
    for (const r of this.running) r.messages.stop();
    await Promise.allSettled(this.running.map((r) => r.loop));
    await Promise.allSettled([...this.inFlight]);
  }
}
