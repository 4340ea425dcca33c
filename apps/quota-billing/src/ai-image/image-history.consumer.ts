import { Inject, Injectable } from '@nestjs/common';
import { EventEnvelope } from '@mp/contracts';
import { EventHandler, LOGGER } from '@mp/platform';
import type { Logger } from 'pino';
import { z } from 'zod';
import { ImageHistoryRepository } from './image-history.repository';

/** Events this service cannot store (ids that are no UUIDs, a date that is none): skipped, not retried forever. */
const storable = z.object({ team_id: z.uuid(), key_id: z.uuid() });
const instant = z.iso.datetime({ offset: true });

/**
 * The request log and the gallery, written from the gateway's and the broker's events. Durable
 * consumers: what was published while quota-billing was down is stored when it is back, once.
 */
@Injectable()
export class ImageHistoryConsumer {
  constructor(
    private readonly history: ImageHistoryRepository,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  @EventHandler({ subject: 'usage.generation.logged', concurrency: 16 })
  async onRequestLogged(event: EventEnvelope<'usage.generation.logged'>): Promise<void> {
    if (!this.storable(event, event.data.occurred_at)) return;
    await this.history.insertLog(event.data);
  }

  /** Only generations go to the gallery; predictions have their own listing (seed 000). */
  @EventHandler({ subject: 'generation.image.stored', concurrency: 16 })
  async onImageStored(event: EventEnvelope<'generation.image.stored'>): Promise<void> {
    if (event.data.origin !== 'generation') return;
    if (!this.storable(event, event.data.created_at)) return;
    await this.history.insertGalleryImage(event.data);
  }

  private storable(event: EventEnvelope<'usage.generation.logged' | 'generation.image.stored'>, at: string): boolean {
    if (storable.safeParse(event.data).success && instant.safeParse(at).success) return true;
    this.logger.warn(
      { event_id: event.id, subject: event.subject },
      'Skipped an AI Image event this service cannot store',
    );
    return false;
  }
}
