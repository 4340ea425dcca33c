import { Inject, Injectable } from '@nestjs/common';
import { EventEnvelope, EventMap, EventSubject } from '@mp/contracts';
import { randomUUID } from 'node:crypto';
import { JetStreamClient, NatsConnection } from 'nats';
import { NATS_CONNECTION, WIRE_NAMES } from '../tokens';
import { encodeJson } from './json-codec';
import { WireNames } from './subjects';

export function buildEnvelope<S extends EventSubject>(
  subject: S,
  data: EventMap[S],
  id: string = randomUUID(),
): EventEnvelope<S> {
  return { id, subject, version: 1, occurred_at: new Date().toISOString(), data };
}

/**
 * Publishes to JetStream with the event id as message id, so a retried publish within the
 * stream's duplicate window is stored once. State changes publish through the outbox instead.
 */
@Injectable()
export class EventPublisher {
  private readonly js: JetStreamClient;

  constructor(
    @Inject(NATS_CONNECTION) nc: NatsConnection,
    @Inject(WIRE_NAMES) private readonly names: WireNames,
  ) {
    this.js = nc.jetstream();
  }

  async publish<S extends EventSubject>(
    subject: S,
    data: EventMap[S],
    options: { id?: string } = {},
  ): Promise<EventEnvelope<S>> {
    const envelope = buildEnvelope(subject, data, options.id);
    await this.publishEnvelope(envelope);
    return envelope;
  }

  async publishEnvelope(envelope: EventEnvelope): Promise<void> {
    await this.js.publish(this.names.event(envelope.subject), encodeJson(envelope), {
      msgID: envelope.id,
      timeout: 5000,
    });
  }
}
