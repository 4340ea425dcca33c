import {
  AppName,
  createTeamWithKeys,
  createTestInfra,
  NatsServerProcess,
  PlatformProcesses,
  RedisServerProcess,
  sleep,
  TeamKeys,
  TestInfra,
  testObjectStorage,
  waitFor,
} from '@mp/testing';
import { Client } from 'pg';
import { auditFaultRun, FaultReport, reportHolds } from './support/fault-audit';
import { FaultCallbackReceiver } from './support/fault-callback-receiver';
import { FaultLoad, THUMB_OPERATION } from './support/fault-load';

/** Every service that takes part in uploads, searches, image jobs and callbacks, killed in this order. */
const KILLED_IN_TURN: AppName[] = ['quota-billing', 'files', 'search-indexer', 'image-ops', 'notifier', 'gateway'];
const SETTLE_TIMEOUT_MS = 60_000;

/**
 * Faults under load (issue 9): while clients upload, search, run image jobs and ask for callbacks,
 * each service is SIGKILLed once and restarted, then Redis is killed (its data set lost) and
 * restarted, then NATS. NATS and Redis are the test's own: the shared ones serve other tests.
 */
describe('fault injection under load (real processes, private NATS and Redis)', () => {
  let nats: NatsServerProcess;
  let redis: RedisServerProcess;
  let infra: TestInfra;
  let platform: PlatformProcesses;
  let receiver: FaultCallbackReceiver;
  let team: TeamKeys;
  let db: Client;
  let load: FaultLoad;

  beforeAll(async () => {
    [nats, redis, receiver] = await Promise.all([
      NatsServerProcess.start(),
      RedisServerProcess.start(),
      FaultCallbackReceiver.start(),
    ]);
    infra = await createTestInfra({ s3: true, natsUrl: nats.url, redisUrl: redis.url });
    platform = await PlatformProcesses.start(
      {
        ...infra.env,
        OUTBOUND_ALLOWLIST: '127.0.0.1',
        OUTBOUND_ALLOWED_PORTS: `80,443,${receiver.port}`,
        CALLBACK_BACKOFF_BASE_MS: '4000',
        CALLBACK_SWEEP_INTERVAL_MS: '1000',
        RECONCILE_INTERVAL_MS: '500',
        IMAGE_REDRIVE_INTERVAL_MS: '500',
        IMAGE_REDRIVE_AFTER_MS: '2000',
        IMAGE_ORPHAN_SWEEP_INTERVAL_MS: '1000',
        IMAGE_ORPHAN_GRACE_MS: '10000',
        JOB_LOCK_DURATION_MS: '4000',
      },
      KILLED_IN_TURN,
    );
    team = await createTeamWithKeys(platform.gatewayUrl, 'faults', ['cdt', 'image']);
    load = new FaultLoad({
      gatewayUrl: platform.gatewayUrl,
      cdtKey: team.keys.cdt!.key!,
      imageBase: `${platform.gatewayUrl}/image/v2.0/appkeys/${team.keys.image!.app_key}`,
      imageSecret: team.keys.image!.secret_key!,
      callbackUrl: (id) => receiver.url(id),
    });
    const op = await load.imageCall('PUT', `/operations/${THUMB_OPERATION.id}`, THUMB_OPERATION.body);
    expect(op?.header?.isSuccessful).toBe(true);
    db = new Client({ connectionString: infra.databaseUrl });
    await db.connect();
  }, 60_000);

  afterAll(async () => {
    await db?.end();
    await platform?.stopAll();
    await infra?.dispose();
    await Promise.all([nats?.stop(), redis?.stop(), receiver?.close()]);
  });

  async function searchableKeys(): Promise<Set<string>> {
    const keys = new Set<string>();
    for (let page = 1; ; page++) {
      const res = await fetch(`${platform.gatewayUrl}/v1/files/storage/search`, {
        method: 'POST',
        headers: { 'X-API-Key': team.keys.cdt!.key!, 'Content-Type': 'application/json' },
        body: JSON.stringify({ filters: { folder: 'load' }, page, page_size: 100 }),
      });
      if (res.status !== 200) throw new Error(`search answered ${res.status}`);
      const body = (await res.json()) as { files: Array<{ object_key: string }>; total_pages: number };
      body.files.forEach((f) => keys.add(f.object_key));
      if (page >= body.total_pages) return keys;
    }
  }

  /** One run of load and faults, then audits until everything holds or the settle time is up. */
  async function runFaults(): Promise<FaultReport> {
    const started = Date.now();
    const timeline: string[] = [];
    const mark = (what: string) => timeline.push(`${((Date.now() - started) / 1000).toFixed(1)}s ${what}`);
    load.start();
    await sleep(3000);
    for (const app of KILLED_IN_TURN) {
      mark(`SIGKILL ${app}`);
      await platform.killApp(app);
      await sleep(1000);
      await platform.startApp(app);
      mark(`${app} ready`);
      await sleep(2000);
    }
    // Redis first: its data set (queued jobs, job schedules) is lost, and the sweeps that recover
    // what the NATS outage after it loses (storage events) must still run.
    mark('Redis killed (data set lost)');
    await redis.kill();
    await sleep(2000);
    await redis.resume();
    mark('Redis up');
    await sleep(3000);
    mark('NATS down');
    await nats.pause();
    await sleep(2000);
    await nats.resume();
    mark('NATS up');
    await sleep(4000);
    const ledger = await load.stop();
    mark('load stopped');

    const audit = () =>
      auditFaultRun({
        ledger,
        receipts: receiver.receipts,
        db,
        storage: testObjectStorage(infra.env),
        searchableKeys,
        startedAt: started,
      });
    let report = await audit();
    await waitFor(
      async () => {
        report = await audit();
        return reportHolds(report);
      },
      { timeoutMs: SETTLE_TIMEOUT_MS, intervalMs: 1000, what: 'the platform to settle' },
    ).catch(() => undefined);
    report = await audit();
    mark('audited');
    console.log(`fault injection report\n${timeline.join('\n')}\n${JSON.stringify(report, null, 2)}`);

    return report;
  }

  let report: FaultReport;
  beforeAll(async () => {
    report = await runFaults();
  }, 180_000);

  it('kept every kind of client busy and refused some of them while a fault lasted', () => {
    expect(report.uploads.accepted).toBeGreaterThan(0);
    expect(report.imageJobs.accepted).toBeGreaterThan(0);
    expect(report.callbacks.accepted).toBeGreaterThan(0);
    expect(report.uploads.refused + report.imageJobs.refused + report.callbacks.refused).toBeGreaterThan(0);
  });

  it('every upload whose form POST was accepted ends active and searchable', () => {
    expect(report.uploads.notActive).toEqual([]);
    expect(report.uploads.notSearchable).toEqual([]);
  });

  it('every image job finished (D) once, with one result file', () => {
    expect(report.imageJobs.notDone).toEqual([]);
    expect(report.imageJobs.wrongResultCount).toEqual([]);
  });

  it('every callback was delivered, once per request after deduplicating on webhook-id', () => {
    expect(report.callbacks.notDone).toEqual([]);
    expect(report.callbacks.undelivered).toEqual([]);
    expect(report.callbacks.distinctIdsOverOne).toEqual([]);
    expect(report.callbacks.unsuccessful).toEqual([]);
  });

  it('every stored object has a record and every record its object', () => {
    expect(report.store.missing).toEqual([]);
    expect(report.store.orphans).toEqual([]);
  });
});
