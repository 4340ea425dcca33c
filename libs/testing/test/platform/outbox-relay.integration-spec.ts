import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { EventEnvelope } from '@mp/contracts';
import { createTestInfra, TestInfra, waitFor } from '../../src';
import { JetStreamManager, StoredMsg } from 'nats';
import { randomBytes } from 'node:crypto';
import { DataSource, MigrationInterface, QueryRunner } from 'typeorm';
import {
  buildEnvelope,
  ensureEventStream,
  EventPublisher,
  MetricsService,
  Outbox,
  outboxTableSql,
  wireNames,
} from '@mp/platform';
import { bootPlatform } from './support/boot-platform';

/** The outbox on real Postgres and NATS, in a random schema and a random namespace (so its own stream). */
describe('outbox relay', () => {
  const schema = `outbox_${randomBytes(4).toString('hex')}`;
  class OutboxTable1700000000000 implements MigrationInterface {
    name = 'OutboxTable1700000000000';
    async up(q: QueryRunner): Promise<void> {
      for (const sql of outboxTableSql(schema)) await q.query(sql);
    }
    async down(): Promise<void> {}
  }

  let infra: TestInfra;
  let app: NestFastifyApplication;
  let outbox: Outbox;
  let db: DataSource;
  let jsm: JetStreamManager;
  let names: ReturnType<typeof wireNames>;

  beforeAll(async () => {
    infra = await createTestInfra();
    names = wireNames(infra.namespace);
    app = await bootPlatform(infra, {
      app: 'outbox-test',
      providers: [],
      database: { schema, entities: [], migrations: [OutboxTable1700000000000] },
    });
    outbox = app.get(Outbox);
    db = app.get(DataSource);
    jsm = await infra.nc.jetstreamManager();
  });

  afterAll(async () => {
    await app?.close();
    await infra?.dispose();
  });

  const rowCount = async (): Promise<number> =>
    Number((await db.query(`SELECT count(*)::int AS n FROM "${schema}"."outbox"`))[0].n);

  async function failedPublications(): Promise<number> {
    const { values } = await app.get(MetricsService).outboxPublished.get();
    return values.find((v) => v.labels.outcome === 'error')?.value ?? 0;
  }

  /** Every stored message of one event subject, oldest first. */
  async function stored(subject: string): Promise<StoredMsg[]> {
    const info = await jsm.streams.info(names.eventStream, { subjects_filter: names.eventWildcard });
    const count = info.state.subjects?.[`${infra.namespace}.evt.${subject}`] ?? 0;
    const messages: StoredMsg[] = [];
    let seq = info.state.first_seq;
    while (messages.length < count && seq <= info.state.last_seq) {
      const msg = await jsm.streams.getMessage(names.eventStream, { seq }).catch(() => undefined);
      if (msg?.subject === `${infra.namespace}.evt.${subject}`) messages.push(msg);
      seq++;
    }
    return messages;
  }

  it('relays committed events to JetStream, with the event id as message id, and deletes the rows', async () => {
    const envelopes = await outbox.transaction(async (_m, emit) => [
      await emit('files.file.rejected', { file_id: 'f1', team_id: 't1', object_key: 'a/1', reason: 'size' }),
      await emit('files.file.rejected', { file_id: 'f2', team_id: 't1', object_key: 'a/2', reason: 'type' }),
    ]);
    const messages = await waitFor(
      async () => {
        const found = await stored('files.file.rejected');
        return found.length === 2 ? found : undefined;
      },
      {
        timeoutMs: 10_000,
        what: 'both events in the stream',
      },
    );
    const bodies = messages.map((m) => m.json<EventEnvelope<'files.file.rejected'>>());
    expect(bodies).toEqual(envelopes);
    expect(messages.map((m) => m.header.get('Nats-Msg-Id'))).toEqual(envelopes.map((e) => e.id));
    await waitFor(async () => (await rowCount()) === 0, { what: 'relayed rows deleted' });
  });

  it('publishes nothing of a transaction that rolled back', async () => {
    await expect(
      outbox.transaction(async (_m, emit) => {
        await emit('storage.object.removed', {
          event_name: 's3:ObjectRemoved:Delete',
          bucket: 'b',
          key: 'k',
          size: null,
          etag: null,
          event_time: new Date().toISOString(),
        });
        throw new Error('the state change failed');
      }),
    ).rejects.toThrow('the state change failed');
    expect(await rowCount()).toBe(0);
    expect(await outbox.relayOnce()).toEqual({ relayed: 0 });
    expect(await stored('storage.object.removed')).toHaveLength(0);
  });

  it('stores an event once when a relay publishes a row that an earlier relay already published', async () => {
    const envelope = buildEnvelope('files.file.deleted', {
      file_id: 'f3',
      team_id: 't1',
      object_key: 'a/3',
      size: 3,
      reason: 'deleted',
    });
    // The earlier relay published, then died before deleting its row.
    await app.get(EventPublisher).publishEnvelope(envelope);
    await db.query(`INSERT INTO "${schema}"."outbox" ("id", "subject", "envelope") VALUES ($1, $2, $3)`, [
      envelope.id,
      envelope.subject,
      envelope,
    ]);
    outbox.poke();
    await waitFor(async () => (await rowCount()) === 0, { what: 'the row relayed again' });
    const messages = await stored('files.file.deleted');
    expect(messages.map((m) => m.json<EventEnvelope>().id)).toEqual([envelope.id]);
  });

  it('keeps the rows while JetStream refuses them and relays them once it accepts again', async () => {
    await jsm.streams.delete(names.eventStream);
    await outbox.transaction((_m, emit) =>
      emit('files.file.rejected', { file_id: 'f4', team_id: 't1', object_key: 'a/4', reason: 'size' }),
    );
    // The relay loop tries, fails (no stream answers the publish) and keeps the row.
    await waitFor(async () => (await failedPublications()) > 0, { what: 'a failed relay attempt' });
    expect(await rowCount()).toBe(1);

    await ensureEventStream(infra.nc, names);
    outbox.poke();
    await waitFor(async () => (await rowCount()) === 0, { timeoutMs: 15_000, what: 'the row relayed after recovery' });
    const messages = await stored('files.file.rejected');
    expect(messages.map((m) => m.json<EventEnvelope<'files.file.rejected'>>().data.object_key)).toEqual(['a/4']);
  });
});
