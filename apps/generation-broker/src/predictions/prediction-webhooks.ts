import { Injectable } from '@nestjs/common';
import { CallbackDeliveryRequestedEvent, PredictionWebhookEvent } from '@mp/contracts';
import { Emit } from '@mp/platform';
import { PredictionRow } from './prediction.repository';
import { PredictionView } from './prediction-view';

const EVENT_TYPES: Record<PredictionWebhookEvent, string> = {
  start: 'prediction.start',
  completed: 'prediction.completed',
};

/**
 * Asks the notifier (through the outbox, in the transaction of the status change) to deliver the
 * prediction's webhook for one event, when it has a webhook and its filter names the event. The
 * delivery id is fixed per prediction and event, so a repeated request delivers once.
 */
@Injectable()
export class PredictionWebhooks {
  constructor(private readonly view: PredictionView) {}

  async request(emit: Emit, row: PredictionRow, event: PredictionWebhookEvent): Promise<void> {
    if (!row.webhook || !row.webhook_events_filter.includes(event)) return;
    await emit('callbacks.delivery.requested', {
      delivery_id: event === 'start' ? row.start_delivery_id : row.completed_delivery_id,
      team_id: row.team_id,
      url: row.webhook,
      event_type: EVENT_TYPES[event],
      // The view holds only JSON: its `input` was read back from a jsonb column.
      body: (await this.view.of(row)) as CallbackDeliveryRequestedEvent['body'],
      source: 'generation-broker',
    });
  }
}
