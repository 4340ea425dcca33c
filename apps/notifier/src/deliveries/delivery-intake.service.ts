import { Inject, Injectable } from '@nestjs/common';
import { EventEnvelope } from '@mp/contracts';
import { APP_CONFIG, EventHandler, LOGGER } from '@mp/platform';
import type { Logger } from 'pino';
import { NotifierConfig } from '../app.config';
import { DeliveryRepository } from './delivery.repository';
import { DeliveryScheduler } from './delivery-scheduler';

/**
 * Takes delivery requests from the durable event stream: records the delivery (once per id) and
 * enqueues its first attempt (once per id). The event is acknowledged only after both, so a crash
 * in between replays it, and the replay changes nothing that already happened.
 */
@Injectable()
export class DeliveryIntakeService {
  constructor(
    private readonly deliveries: DeliveryRepository,
    private readonly scheduler: DeliveryScheduler,
    @Inject(APP_CONFIG) private readonly config: NotifierConfig,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  @EventHandler({ subject: 'callbacks.delivery.requested', concurrency: 16 })
  async onRequested(envelope: EventEnvelope<'callbacks.delivery.requested'>): Promise<void> {
    const request = envelope.data;
    const payload = JSON.stringify(request.body);
    const bytes = Buffer.byteLength(payload);
    const tooLarge = bytes > this.config.CALLBACK_MAX_BODY_BYTES;
    const stored = await this.deliveries.insertIfAbsent({
      id: request.delivery_id,
      team_id: request.team_id,
      event_type: request.event_type,
      url: request.url,
      payload: tooLarge ? '' : payload,
      source: request.source ?? null,
      status: tooLarge ? 'failed' : 'pending',
      max_attempts: this.config.CALLBACK_MAX_ATTEMPTS,
      next_attempt_at: tooLarge ? null : new Date(),
      completed_at: tooLarge ? new Date() : null,
      last_error: tooLarge
        ? `body of ${bytes} bytes exceeds CALLBACK_MAX_BODY_BYTES (${this.config.CALLBACK_MAX_BODY_BYTES}); not sent`
        : null,
    });
    if (stored.team_id !== request.team_id) {
      this.logger.warn(
        { deliveryId: request.delivery_id, eventId: envelope.id },
        'Callback delivery id already used by another team; request ignored',
      );
      return;
    }
    if (stored.status === 'pending' && stored.round === 1 && stored.round_attempts === 0)
      await this.scheduler.schedule(stored, 1);
  }
}
