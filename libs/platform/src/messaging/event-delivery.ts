import { Inject, Injectable } from '@nestjs/common';
import { EVENT_SCHEMAS, eventEnvelopeSchema, EventSubject } from '@mp/contracts';
import { JsMsg } from 'nats';
import type { Logger } from 'pino';
import { DiscoveredHandler } from '../discovery/discover-handlers';
import { MetricsService } from '../metrics';
import { LOGGER } from '../tokens';
import { EventHandlerOptions } from './event-handler.decorator';
import { decodeJson } from './json-codec';

/** How often JetStream delivers an event before the consumer gives up on it. */
export const MAX_DELIVER = 25;
const MAX_BACKOFF_MS = 60_000;

/** Hands one JetStream message to its @EventHandler and settles it: ack, redeliver with backoff, or terminate. */
@Injectable()
export class EventDelivery {
  constructor(
    private readonly metrics: MetricsService,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  async deliver(msg: JsMsg, handler: DiscoveredHandler<EventHandlerOptions>): Promise<void> {
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
}

function safeDecode(data: Uint8Array): unknown {
  try {
    return decodeJson(data);
  } catch {
    return undefined;
  }
}
