import { FileDocument } from '@mp/contracts';
import { BaseConfig, JobQueue, RpcClient } from '@mp/platform';
import { ObjectStorage } from '@mp/storage';
import { bootApp, BootedApp, platformSuite, postUploadForm, solidPng, testObjectStorage, waitFor } from '@mp/testing';
import { filesConfigSchema } from '../src/app.config';
import { startFiles } from '../src/start';
import { ManualClock } from './manual-clock';

const DAY_MS = 86_400_000;
const SWEEP_INTERVAL_MS = 3_600_000;

type SearchResult = { files: Array<{ object_key: string; url: string }>; total: number };

/**
 * Expiry with a controllable clock: the files service runs in this process with a ManualClock;
 * gateway, search-indexer and quota-billing run as real processes. The scheduled sweep is far
 * apart (1 h) so "invisible at expiry" is observed before the purge, which the test then runs
 * through the same BullMQ job the scheduler enqueues.
 */
describe('file expiry: retention_days, legal_hold, invisibility and the sweeper', () => {
  const suite = platformSuite({ apps: ['quota-billing', 'search-indexer', 'gateway'], teams: { expiry: ['cdt'] } });
  let files: BootedApp;
  suite.beforeStop(() => files?.close());
  let storage: ObjectStorage;
  let rpc: RpcClient;
  const clock = new ManualClock();
  const apiKey = () => suite.team('expiry').keys.cdt!.key!;

  const call = (method: string, path: string, body?: unknown) =>
    fetch(`${suite.gatewayUrl}${path}`, {
      method,
      headers: { 'X-API-Key': apiKey(), ...(body ? { 'Content-Type': 'application/json' } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    });

  async function search(filters: Record<string, unknown>): Promise<SearchResult> {
    const res = await call('POST', '/v1/files/storage/search', { filters });
    expect(res.status).toBe(200);
    return (await res.json()) as SearchResult;
  }

  /** Waits until the store no longer holds the object. */
  const purged = (objectKey: string, what: string) =>
    waitFor(async () => (await storage.head(objectKey)) === null, { timeoutMs: 20_000, what });
  /** Waits until search finds `total` files for the filters. */
  const searchTotal = (filters: Record<string, unknown>, total: number, what: string) =>
    waitFor(async () => (await search(filters)).total === total, { timeoutMs: 20_000, what });

  async function upload(filename: string, metadata: Record<string, unknown>) {
    const res = await call('POST', '/v1/files/upload-url', { filename, folder: 'expiry', metadata });
    expect(res.status).toBe(200);
    const data = (await res.json()) as {
      upload_url: string;
      upload_fields: Record<string, string>;
      object_key: string;
      file_url: string;
    };
    expect((await postUploadForm(data, { name: filename, bytes: solidPng(4, 4) })).status).toBeLessThan(300);
    return data;
  }

  async function records(): Promise<FileDocument[]> {
    return (await rpc.request('files.records.page', { limit: 1000 })).files;
  }

  let sweeps = 0;
  /** Runs the sweep job now through BullMQ (as the scheduler would) and waits for it to finish. */
  async function sweepNow(): Promise<number> {
    const queue = files.app.get(JobQueue);
    const jobId = `test-sweep-${++sweeps}`;
    await queue.enqueue({ name: 'SweepExpiredFiles', data: {} }, { jobId });
    const job = await waitFor(
      async () => {
        // One snapshot: asking isCompleted() of an older snapshot can say yes while its returnvalue is still null.
        const j = await queue.queue('file-expiry').getJob(jobId);
        return j?.finishedOn !== undefined && j.returnvalue !== null ? j : undefined;
      },
      { timeoutMs: 20_000, what: 'the sweep job to complete' },
    );
    return (job.returnvalue as { purged: number }).purged;
  }

  async function lastDeletedEvent(): Promise<{ data: { object_key: string; reason: string } }> {
    const jsm = await suite.infra.nc.jetstreamManager();
    const msg = await jsm.streams.getMessage(`${suite.infra.namespace.toUpperCase()}_EVENTS`, {
      last_by_subj: `${suite.infra.namespace}.evt.files.file.deleted`,
    });
    return JSON.parse(Buffer.from(msg.data).toString()) as { data: { object_key: string; reason: string } };
  }

  beforeAll(async () => {
    files = await bootApp({
      schema: filesConfigSchema,
      start: (config, run) => startFiles(config, run, { clock }),
      env: {
        ...suite.infra.env,
        RECONCILE_INTERVAL_MS: '1000',
        EXPIRY_SWEEP_INTERVAL_MS: String(SWEEP_INTERVAL_MS),
        FILE_RETENTION_MAX_DAYS: '30',
      },
    });
    storage = testObjectStorage(suite.infra.env);
    rpc = new RpcClient(suite.infra.nc, { NAMESPACE: suite.infra.namespace, RPC_TIMEOUT_MS: 10_000 } as BaseConfig);
  });

  it('hides expired files at once, purges them on the sweep, and keeps files under legal hold', async () => {
    const schedulers = await files.app.get(JobQueue).queue('file-expiry').getJobSchedulers();
    expect(schedulers.map((s) => ({ name: s.name, every: Number(s.every) }))).toEqual([
      { name: 'SweepExpiredFiles', every: SWEEP_INTERVAL_MS },
    ]);

    const short = await upload('short.png', { retention_days: 1 });
    const normal = await upload('normal.png', { project: 'default-retention' });
    const held = await upload('held.png', { legal_hold: true, retention_days: 1 });
    // The signed file_url never outlives the file's retention.
    expect(new URL(short.file_url).searchParams.get('X-Amz-Expires')).toBe('86400');
    expect(new URL(normal.file_url).searchParams.get('X-Amz-Expires')).toBe('604800');
    await searchTotal({ folder: 'expiry' }, 3, 'three files indexed');

    const before = await records();
    const doc = (key: string) => before.find((f) => f.object_key === key)!;
    const activated = Date.parse(doc(short.object_key).updated_at);
    expect(Date.parse(doc(short.object_key).expires_at!) - activated).toBeGreaterThan(DAY_MS - 60_000);
    expect(Date.parse(doc(short.object_key).expires_at!) - activated).toBeLessThanOrEqual(DAY_MS);
    expect(
      Date.parse(doc(normal.object_key).expires_at!) - Date.parse(doc(normal.object_key).updated_at),
    ).toBeLessThanOrEqual(7 * DAY_MS);
    expect(
      Date.parse(doc(normal.object_key).expires_at!) - Date.parse(doc(normal.object_key).updated_at),
    ).toBeGreaterThan(7 * DAY_MS - 60_000);
    expect(doc(held.object_key).expires_at).toBeNull();

    // One day later: the short-lived file is invisible to the files service before any sweep ran.
    clock.advance(DAY_MS + 60_000);
    expect(
      (await call('PATCH', '/v1/files/storage/file/metadata', { object_key: short.object_key, metadata: { a: 1 } }))
        .status,
    ).toBe(404);
    expect(
      (await call('DELETE', `/v1/files/storage/file?object_key=${encodeURIComponent(short.object_key)}`)).status,
    ).toBe(404);
    expect((await records()).map((f) => f.object_key).sort()).toEqual([normal.object_key, held.object_key].sort());
    expect(await storage.head(short.object_key)).not.toBeNull();

    // The sweep purges it: object, record, index entry (files.file.deleted, reason expired).
    expect(await sweepNow()).toBe(1);
    await purged(short.object_key, 'the expired object to be purged');
    await searchTotal({ object_key: short.object_key }, 0, 'the expired file to leave the index');
    expect((await lastDeletedEvent()).data).toMatchObject({ object_key: short.object_key, reason: 'expired' });
    expect((await search({ folder: 'expiry' })).total).toBe(2);

    // Eight days later: the default 7-day file expires; the file under legal hold does not.
    clock.advance(7 * DAY_MS);
    expect((await records()).map((f) => f.object_key)).toEqual([held.object_key]);
    expect(await sweepNow()).toBe(1);
    await purged(normal.object_key, 'the 7-day file to be purged');
    await searchTotal({ folder: 'expiry' }, 1, 'the index to drop the 7-day file');
    expect(await storage.head(held.object_key)).not.toBeNull();
    const heldHit = (await search({ object_key: held.object_key })).files[0];
    expect((await fetch(heldHit.url)).status).toBe(200);

    // Releasing the hold applies its 1-day retention from activation: long past, so it is gone at once.
    const release = await call('PATCH', '/v1/files/storage/file/metadata', {
      object_key: held.object_key,
      metadata: { legal_hold: false },
    });
    expect(release.status).toBe(200);
    expect(
      (await call('PATCH', '/v1/files/storage/file/metadata', { object_key: held.object_key, metadata: { a: 1 } }))
        .status,
    ).toBe(404);
    expect(await records()).toEqual([]);
    expect(await sweepNow()).toBe(1);
    await purged(held.object_key, 'the released file to be purged');
    await searchTotal({ folder: 'expiry' }, 0, 'the index to be empty');
  });

  it('extends and shortens retention through a metadata update', async () => {
    const file = await upload('extend.png', {});
    await searchTotal({ object_key: file.object_key }, 1, 'indexed');
    const res = await call('PATCH', '/v1/files/storage/file/metadata', {
      object_key: file.object_key,
      metadata: { retention_days: 30 },
    });
    expect(res.status).toBe(200);
    clock.advance(10 * DAY_MS);
    const doc = (await records()).find((f) => f.object_key === file.object_key)!;
    expect(doc.retention_days).toBe(30);
    expect(await sweepNow()).toBe(0);
    expect(await storage.head(file.object_key)).not.toBeNull();
    expect((await search({ object_key: file.object_key })).total).toBe(1);

    expect(
      (
        await call('PATCH', '/v1/files/storage/file/metadata', {
          object_key: file.object_key,
          metadata: { retention_days: 2 },
        })
      ).status,
    ).toBe(200);
    expect((await records()).find((f) => f.object_key === file.object_key)).toBeUndefined();
    expect(await sweepNow()).toBe(1);
    await purged(file.object_key, 'purged after shortening');
  });
});
