import { Inject, Injectable, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { EVENT_SCHEMAS, eventEnvelopeSchema } from '@mp/contracts';
import { APP_CONFIG, decodeJson, LOGGER, NATS_CONNECTION, WIRE_NAMES, WireNames } from '@mp/platform';
import { ObjectHead, ObjectStorage } from '@mp/storage';
import { LRUCache } from 'lru-cache';
import { Events, type NatsConnection, type Subscription } from 'nats';
import type { Logger } from 'pino';
import { GatewayConfig } from '../app.config';

const REMEMBERED_HEADS = 10_000;

/**
 * Heads of the sources `GET /files/{path}` serves, reused for `MEDIA_SOURCE_HEAD_CACHE_MS`, so a
 * repeat request (a page showing the same images, a `?type=` variant already made) costs no store
 * round trip. The store's object events (`storage.object.created|removed`, which every gateway
 * receives) forget a replaced or deleted source at once, and a NATS disconnect (events may have been
 * missed) forgets everything; the lifetime bounds how long a source could be served after a change
 * whose event never came. Missing objects are never remembered.
 */
@Injectable()
export class SourceHeadCache implements OnModuleInit, OnModuleDestroy {
  private readonly heads: LRUCache<string, ObjectHead> | undefined;
  private readonly subscriptions: Subscription[] = [];
  /** Bumped by every invalidation: a HEAD that was in flight meanwhile may have read the old object. */
  private epoch = 0;

  constructor(
    private readonly storage: ObjectStorage,
    @Inject(NATS_CONNECTION) private readonly nc: NatsConnection,
    @Inject(WIRE_NAMES) private readonly names: WireNames,
    @Inject(APP_CONFIG) private readonly config: GatewayConfig,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {
    if (config.MEDIA_SOURCE_HEAD_CACHE_MS > 0)
      this.heads = new LRUCache({ max: REMEMBERED_HEADS, ttl: config.MEDIA_SOURCE_HEAD_CACHE_MS });
  }

  async head(key: string): Promise<ObjectHead | null> {
    if (!this.heads) return this.storage.head(key);
    const known = this.heads.get(key);
    if (known) return known;
    const epoch = this.epoch;
    const head = await this.storage.head(key);
    if (head && epoch === this.epoch) this.heads.set(key, head);
    return head;
  }

  onModuleInit(): void {
    if (!this.heads) return;
    for (const subject of ['storage.object.created', 'storage.object.removed'] as const) {
      const subscription = this.nc.subscribe(this.names.event(subject));
      this.subscriptions.push(subscription);
      void this.forgetOnEvents(subscription);
    }
    void this.forgetAllOnDisconnect();
  }

  onModuleDestroy(): void {
    for (const subscription of this.subscriptions) subscription.unsubscribe();
  }

  private async forgetOnEvents(subscription: Subscription): Promise<void> {
    for await (const message of subscription) {
      const key = this.objectKeyOf(message.data);
      if (key === undefined) {
        this.logger.warn({ subject: message.subject }, 'Ignored a storage event that does not match its schema');
        continue;
      }
      if (key === null) continue;
      this.epoch++;
      this.heads!.delete(key);
    }
  }

  /** The changed object's key in this gateway's bucket; null for another bucket, undefined for a malformed event. */
  private objectKeyOf(data: Uint8Array): string | null | undefined {
    let decoded: unknown;
    try {
      decoded = decodeJson(data);
    } catch {
      return undefined;
    }
    const envelope = eventEnvelopeSchema.safeParse(decoded);
    const event = envelope.success ? EVENT_SCHEMAS['storage.object.created'].safeParse(envelope.data.data) : undefined;
    if (!event?.success) return undefined;
    return event.data.bucket === this.config.S3_BUCKET ? event.data.key : null;
  }

  private async forgetAllOnDisconnect(): Promise<void> {
    for await (const status of this.nc.status()) {
      if (status.type !== Events.Disconnect && status.type !== Events.Reconnect) continue;
      this.epoch++;
      this.heads!.clear();
    }
  }
}
