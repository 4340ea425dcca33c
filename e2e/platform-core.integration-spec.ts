import { Injectable, Module } from '@nestjs/common';
import { DomainError, EventEnvelope, JobData } from '@mp/contracts';
import { createTestInfra, TestInfra, waitFor } from '@mp/testing';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { MigrationInterface, QueryRunner } from 'typeorm';
import {
  baseConfigSchema,
  EventHandler,
  EventPublisher,
  JobHandler,
  JobQueue,
  loadConfig,
  Outbox,
  outboxTableSql,
  PlatformModule,
  RpcClient,
  RpcHandler,
  startService,
} from '@mp/platform';

class OutboxOnly1700000000000 implements MigrationInterface {
  name = 'OutboxOnly1700000000000';
  async up(q: QueryRunner): Promise<void> {
    for (const sql of outboxTableSql('ptest')) await q.query(sql);
  }
  async down(): Promise<void> {}
}

const seen = { rejected: [] as string[], attempts: new Map<string, number>(), jobs: [] as string[] };

@Injectable()
class Handlers {
  @RpcHandler('billing.team.get')
  async getTeam(req: { team_id: string }) {
    if (req.team_id === '00000000-0000-4000-8000-000000000000')
      throw new DomainError('TeamNotFound', 'Team not found', { team_id: req.team_id });
    return { id: req.team_id, name: 'alpha', created_at: new Date(0).toISOString() };
  }

  @EventHandler('files.file.rejected')
  async onRejected(event: EventEnvelope<'files.file.rejected'>) {
    const n = (seen.attempts.get(event.id) ?? 0) + 1;
    seen.attempts.set(event.id, n);
    if (event.data.reason === 'flaky' && n < 3) throw new Error('transient');
    seen.rejected.push(event.data.object_key);
  }

  @JobHandler('VerifyUpload')
  async verify(data: JobData<'VerifyUpload'>) {
    seen.jobs.push(data.object_key);
  }

  @JobHandler('ReconcileUploads')
  async reconcile() {}
}

@Module({})
class TestAppModule {}

describe('platform on real NATS, Postgres and Redis', () => {
  let infra: TestInfra;
  let app: NestFastifyApplication;

  beforeAll(async () => {
    infra = await createTestInfra();
    const config = loadConfig(baseConfigSchema, infra.env);
    app = await startService({
      module: {
        module: TestAppModule,
        imports: [
          PlatformModule.forRoot({
            app: 'ptest',
            config,
            database: { schema: 'ptest', entities: [], migrations: [OutboxOnly1700000000000] },
            queues: {},
          }),
        ],
        providers: [Handlers],
      },
      config,
      port: 0,
      handleSignals: false,
    });
  });

  afterAll(async () => {
    await app?.close();
    await infra?.dispose();
  });

  it('serves typed RPC and carries domain errors across', async () => {
    const rpc = app.get(RpcClient);
    const id = '3f1c2a7e-5b1d-4c8e-9f00-000000000001';
    await expect(rpc.request('billing.team.get', { team_id: id })).resolves.toMatchObject({ id, name: 'alpha' });
    await expect(
      rpc.request('billing.team.get', { team_id: '00000000-0000-4000-8000-000000000000' }),
    ).rejects.toMatchObject({ code: 'TeamNotFound' });
    await expect(rpc.request('billing.team.get', { team_id: 'not-a-uuid' })).rejects.toMatchObject({
      code: 'ValidationFailed',
      message: expect.stringContaining('team_id'),
    });
  });

  it('reports an unanswered subject as DependencyUnavailable', async () => {
    await expect(app.get(RpcClient).request('billing.team.list', {})).rejects.toMatchObject({
      code: 'DependencyUnavailable',
    });
  });

  it('relays outbox events after commit and redelivers failed handlers', async () => {
    const outbox = app.get(Outbox);
    await outbox.transaction(async (_m, emit) => {
      await emit('files.file.rejected', { file_id: 'f1', team_id: 't', object_key: 'a/one', reason: 'size' });
      await emit('files.file.rejected', { file_id: 'f2', team_id: 't', object_key: 'a/flaky', reason: 'flaky' });
    });
    await waitFor(() => seen.rejected.includes('a/one') && seen.rejected.includes('a/flaky'), {
      timeoutMs: 20_000,
      what: 'both events handled',
    });
    expect([...seen.attempts.values()].sort()).toEqual([1, 3]);
  });

  it('does not publish events of a rolled-back transaction', async () => {
    const outbox = app.get(Outbox);
    await expect(
      outbox.transaction(async (_m, emit) => {
        await emit('files.file.rejected', { file_id: 'f3', team_id: 't', object_key: 'a/rolled-back', reason: 'size' });
        throw new Error('abort');
      }),
    ).rejects.toThrow('abort');
    await app
      .get(EventPublisher)
      .publish('files.file.rejected', { file_id: 'f4', team_id: 't', object_key: 'a/after', reason: 'size' });
    await waitFor(() => seen.rejected.includes('a/after'), { what: 'the later event' });
    expect(seen.rejected).not.toContain('a/rolled-back');
  });

  it('stores a republished event once (message id dedup)', async () => {
    const publisher = app.get(EventPublisher);
    await publisher.publish(
      'files.file.rejected',
      { file_id: 'f5', team_id: 't', object_key: 'a/dup', reason: 'size' },
      { id: 'fixed-id-1' },
    );
    await publisher.publish(
      'files.file.rejected',
      { file_id: 'f5', team_id: 't', object_key: 'a/dup', reason: 'size' },
      { id: 'fixed-id-1' },
    );
    await waitFor(() => seen.rejected.includes('a/dup'), { what: 'dup event' });
    await new Promise((r) => setTimeout(r, 300));
    expect(seen.rejected.filter((k) => k === 'a/dup')).toHaveLength(1);
  });

  it('runs queued jobs once per job id', async () => {
    const queue = app.get(JobQueue);
    await queue.enqueue(
      { name: 'VerifyUpload', data: { object_key: 'k/1', trigger: 'reconcile' } },
      { jobId: 'job-k1' },
    );
    await queue.enqueue(
      { name: 'VerifyUpload', data: { object_key: 'k/1', trigger: 'reconcile' } },
      { jobId: 'job-k1' },
    );
    await waitFor(() => seen.jobs.includes('k/1'), { what: 'job' });
    await new Promise((r) => setTimeout(r, 300));
    expect(seen.jobs.filter((k) => k === 'k/1')).toHaveLength(1);
  });

  it('exposes readiness with every dependency and Prometheus metrics', async () => {
    const base = `http://127.0.0.1:${(app.getHttpServer().address() as { port: number }).port}`;
    const ready = await (await fetch(`${base}/health/ready`)).json();
    expect(ready).toMatchObject({
      ready: true,
      checks: { nats: { ok: true }, redis: { ok: true }, postgres: { ok: true } },
    });
    const metrics = await (await fetch(`${base}/metrics`)).text();
    expect(metrics).toContain('rpc_handler_duration_seconds');
    expect(metrics).toContain('events_handled_total');
  });
});

describe('boot-time handler checks', () => {
  it('refuses to start when a job of a handled queue has no handler', async () => {
    @Injectable()
    class Partial {
      @JobHandler('VerifyUpload')
      async verify() {}
    }
    const infra = await createTestInfra();
    const config = loadConfig(baseConfigSchema, infra.env);
    try {
      await expect(
        startService({
          module: {
            module: TestAppModule,
            imports: [PlatformModule.forRoot({ app: 'ptest2', config, queues: {} })],
            providers: [Partial],
          },
          config,
          port: 0,
          handleSignals: false,
        }),
      ).rejects.toThrow(/ReconcileUploads/);
    } finally {
      await infra.dispose();
    }
  });
});
