import { BeforeApplicationShutdown, Inject, Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { EventEnvelope, EventMap, EventSubject } from '@mp/contracts';
import type { Logger } from 'pino';
import { DataSource, EntityManager } from 'typeorm';
import { DATABASE_SCHEMA } from '../database/database.module';
import { buildEnvelope, EventPublisher } from '../messaging/event-publisher';
import { MetricsService } from '../metrics';
import { LOGGER } from '../tokens';

export type Emit = <S extends EventSubject>(subject: S, data: EventMap[S]) => Promise<EventEnvelope<S>>;

const BATCH = 500;
const IDLE_POLL_MS = 250;
const MAX_BACKOFF_MS = 5000;

/**
 * Transactional outbox: events are written in the same transaction as the state they announce
 * and relayed to JetStream afterwards (event id = message id, so the stream stores each once).
 */
@Injectable()
export class Outbox implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private running = false;
  private loop?: Promise<void>;
  private wake?: () => void;
  private failures = 0;

  constructor(
    private readonly dataSource: DataSource,
    private readonly publisher: EventPublisher,
    private readonly metrics: MetricsService,
    @Inject(DATABASE_SCHEMA) private readonly schema: string,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  /** Runs `work` in a transaction; events it emits commit with it and are relayed right after. */
  async transaction<T>(work: (manager: EntityManager, emit: Emit) => Promise<T>): Promise<T> {
    let emitted = false;
    const result = await this.dataSource.transaction((manager) =>
      work(manager, (subject, data) => {
        emitted = true;
        return this.add(manager, subject, data);
      }),
    );
    // A relay pass costs a transaction of its own: only wake it when this one wrote an event.
    if (emitted) this.poke();
    return result;
  }

  /** Adds an event to the caller's open transaction. */
  async add<S extends EventSubject>(manager: EntityManager, subject: S, data: EventMap[S]): Promise<EventEnvelope<S>> {
    const envelope = buildEnvelope(subject, data);
    await manager.query(`INSERT INTO "${this.schema}"."outbox" ("id", "subject", "envelope") VALUES ($1, $2, $3)`, [
      envelope.id,
      subject,
      envelope,
    ]);
    return envelope;
  }

  poke(): void {
    this.wake?.();
  }

  onApplicationBootstrap(): void {
    this.running = true;
    this.loop = this.run();
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.running = false;
    this.poke();
    await this.loop;
  }

  /** Publishes one batch; relayed rows are deleted even when others in the batch failed. */
  async relayOnce(): Promise<{ relayed: number; error?: unknown }> {
    return this.dataSource.transaction(async (manager) => {
      const rows: { seq: string; envelope: EventEnvelope }[] = await manager.query(
        `SELECT "seq", "envelope" FROM "${this.schema}"."outbox" ORDER BY "seq" LIMIT ${BATCH} FOR UPDATE SKIP LOCKED`,
      );
      if (rows.length === 0) return { relayed: 0 };
      const results = await Promise.allSettled(rows.map((r) => this.publisher.publishEnvelope(r.envelope)));
      const done = rows.filter((_, i) => results[i].status === 'fulfilled').map((r) => r.seq);
      if (done.length)
        await manager.query(`DELETE FROM "${this.schema}"."outbox" WHERE "seq" = ANY($1::bigint[])`, [done]);
      this.metrics.outboxPublished.inc({ outcome: 'ok' }, done.length);
      const failed = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
      if (failed) this.metrics.outboxPublished.inc({ outcome: 'error' }, rows.length - done.length);
      return { relayed: done.length, error: failed?.reason };
    });
  }

  private async run(): Promise<void> {
    while (this.running) {
      let relayed = 0;
      let error: unknown;
      try {
        ({ relayed, error } = await this.relayOnce());
      } catch (err) {
        error = err;
      }
      if (error) {
        this.failures++;
        if (this.failures === 1 || this.failures % 20 === 0)
          this.logger.warn({ err: error, failures: this.failures }, 'Outbox relay failing; will retry');
      } else {
        this.failures = 0;
      }
      if (relayed >= BATCH) continue;
      const wait = this.failures ? Math.min(MAX_BACKOFF_MS, 100 * 2 ** this.failures) : IDLE_POLL_MS;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, wait);
        this.wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      this.wake = undefined;
    }
  }
}
